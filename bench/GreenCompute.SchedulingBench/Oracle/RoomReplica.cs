using GreenCompute.SchedulingBench.Setup;
using GreenCompute.Simulation.Data;
using GreenCompute.Simulation.Fleet;

namespace GreenCompute.SchedulingBench.Oracle;

/// <summary>
/// The oracle's perfect knowledge of a room: the simulator's ISO 13790 5R1C step restated exactly (same inputs:
/// outdoor temperature and irradiance averaged over the step, internal gains at mid-step, heater power into the air
/// node), on the true parameters. One state, the mass temperature T_m; over a step with power P,
/// T_m' = a·T_m + g·P + d and the air reading is γ·T_m' + δ·P + e, with d and e from the weather and gains.
/// A test checks it against the simulated fleet step by step.
/// </summary>
internal sealed class RoomReplica
{
    private readonly FleetNode _node;
    private readonly WeatherSeries _weather;
    private readonly TimeSpan _localOffset;
    private readonly bool _solar;
    private readonly double _hve;
    private readonly double _his;
    private readonly double _hw;
    private readonly double _hem;
    private readonly double _hms;
    private readonly double _h1;
    private readonly double _h2;
    private readonly double _h3;
    private readonly double _hm;

    public RoomReplica(FleetNode node, WeatherSeries weather, TimeSpan localOffset, bool solar, double initialTemperature)
    {
        ArgumentNullException.ThrowIfNull(node);
        _node = node;
        _weather = weather;
        _localOffset = localOffset;
        _solar = solar;
        var p = node.Room;
        _hve = p.Ventilation.Value;
        _his = p.SurfaceToAir.Value;
        _hw = p.Windows.Value;
        _hem = p.OpaqueEnvelope.Value;
        _hms = p.MassToSurface.Value;
        _h1 = _hve * _his / (_hve + _his);
        _h2 = _h1 + _hw;
        _h3 = _h2 * _hms / (_h2 + _hms);
        _hm = _h3 + _hem;
        Mass = initialTemperature;
        Air = initialTemperature;
    }

    /// <summary>The mass node temperature T_m, °C.</summary>
    public double Mass { get; set; }

    /// <summary>The air temperature after the last <see cref="Step"/>, °C.</summary>
    public double Air { get; private set; }

    /// <summary>Advances the replica like the simulator: <paramref name="watts"/> is the step's mean heater power.</summary>
    public void Step(DateTimeOffset start, TimeSpan dt, double watts)
    {
        var terms = Terms(start, dt);
        Mass = (terms.Decay * Mass) + (terms.MassPerWatt * watts) + terms.MassFree;
        Air = (terms.AirPerMass * Mass) + (terms.AirPerWatt * watts) + terms.AirFree;
    }

    /// <summary>The affine step from <paramref name="start"/>: coefficients of T_m and P, and the weather's part.</summary>
    public StepTerms Terms(DateTimeOffset start, TimeSpan dt)
    {
        var end = start + dt;
        var te = (_weather.OutdoorAt(start).Value + _weather.OutdoorAt(end).Value) / 2;
        var ghi = _solar ? (_weather.GhiAt(start) + _weather.GhiAt(end)) / 2 : 0;
        var solar = ghi * _node.Room.SolarAperture;
        var gains = Occupancy.GainsAt(_node.PeakInternalGains, _localOffset, start + (dt / 2)).Value;

        var spread = (0.5 * gains) + solar;
        var phiMass = _node.Room.MassAreaFraction * spread;
        var phiSurface = spread - phiMass;

        // With P = 0: the same expressions as the simulator's Room5R1C.Step; P's part is added through the slopes.
        var phiAir0 = 0.5 * gains;
        var surfaceDrive0 = (_h1 * (te + (phiAir0 / _hve))) + (_hw * te) + phiSurface;
        var target0 = ((_h3 * surfaceDrive0 / _h2) + (_hem * te) + phiMass) / _hm;
        var targetPerWatt = _h3 * _h1 / (_hve * _h2 * _hm);

        var decay = Math.Exp(-_hm * dt.TotalHours / _node.Room.HeatCapacity.Value);
        var surfacePerMass = _hms / (_h2 + _hms);
        var airPerSurface = _his / (_hve + _his);
        var surfaceFree = surfaceDrive0 / (_h2 + _hms);
        return new StepTerms(
            Decay: decay,
            MassPerWatt: (1 - decay) * targetPerWatt,
            MassFree: (1 - decay) * target0,
            AirPerMass: airPerSurface * surfacePerMass,
            AirPerWatt: (1 / (_hve + _his)) + (airPerSurface * _h1 / _hve / (_h2 + _hms)),
            AirFree: ((_hve * te) + (_his * surfaceFree) + phiAir0) / (_hve + _his));
    }

    /// <summary>One step as affine maps: T_m' = Decay·T_m + MassPerWatt·P + MassFree; air = AirPerMass·T_m' + AirPerWatt·P + AirFree.</summary>
    internal readonly record struct StepTerms(double Decay, double MassPerWatt, double MassFree, double AirPerMass, double AirPerWatt, double AirFree);
}
