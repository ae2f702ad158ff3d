using GreenCompute.Core.Units;

namespace GreenCompute.Simulation.Thermal;

/// <summary>
/// The simulator's room "truth": an ISO 13790 5R1C network integrated exactly over each step.
/// </summary>
/// <remarks>
/// Air and surface nodes have no capacity, so for given inputs they are affine functions of the mass temperature
/// T_m, and the room reduces to one linear ODE C_m dT_m/dt = H_m (T_m∞ − T_m). With inputs held over a step the
/// solution is exact (T_m∞ + (T_m − T_m∞)·e^(−H_m Δt / C_m)), so the result does not depend on the step size and
/// is stable for any step. Losses are integrated exactly too (they are affine in T_m), which lets the energy
/// balance close: heat in = losses + C_m ΔT_m.
/// Heater power enters the air node (a convective heater). Internal gains go half to the air; the other half and
/// the solar gain split between mass and surface by area (ISO 13790 C.2–C.3). The standard's small window-loss
/// fraction H_tr,w/(9.1 A_t) is given to the surface node instead of being dropped, so no energy disappears.
/// Supply air is at outdoor temperature (heat recovery is folded into H_ve).
/// </remarks>
internal sealed class Room5R1C
{
    private readonly RoomParameters _p;
    private readonly double _h1;
    private readonly double _h2;
    private readonly double _h3;
    private readonly double _massTemperature0;
    private double _massTemperature;

    public Room5R1C(RoomParameters parameters, Celsius initial)
    {
        parameters.Validate();
        _p = parameters;
        var hve = parameters.Ventilation.Value;
        var his = parameters.SurfaceToAir.Value;
        _h1 = hve * his / (hve + his);
        _h2 = _h1 + parameters.Windows.Value;
        _h3 = _h2 * parameters.MassToSurface.Value / (_h2 + parameters.MassToSurface.Value);
        _massTemperature0 = initial.Value;
        _massTemperature = initial.Value;
        AirTemperature = initial;
        SurfaceTemperature = initial;
    }

    public RoomParameters Parameters => _p;

    public Celsius AirTemperature { get; private set; }

    public Celsius SurfaceTemperature { get; private set; }

    public Celsius MassTemperature => new(_massTemperature);

    /// <summary>Heat received from the heater so far.</summary>
    public WattHours HeaterHeat { get; private set; }

    public WattHours InternalGains { get; private set; }

    public WattHours SolarGains { get; private set; }

    /// <summary>Heat lost to outside so far (ventilation, windows, opaque envelope).</summary>
    public WattHours Losses { get; private set; }

    /// <summary>Heat stored in the mass since the start: C_m (T_m − T_m,0).</summary>
    public WattHours StoredChange => new(_p.HeatCapacity.Value * (_massTemperature - _massTemperature0));

    /// <summary>Advances by <paramref name="dt"/> with every input held constant over the step.</summary>
    public void Step(TimeSpan dt, Watts heater, Watts internalGains, Watts solar, Celsius outdoor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dt, TimeSpan.Zero);
        if (heater.Value < 0 || internalGains.Value < 0 || solar.Value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(heater), "Heat inputs cannot be negative.");
        }

        var hours = dt.TotalHours;
        var te = outdoor.Value;
        var hve = _p.Ventilation.Value;
        var his = _p.SurfaceToAir.Value;
        var hw = _p.Windows.Value;
        var hem = _p.OpaqueEnvelope.Value;
        var hms = _p.MassToSurface.Value;
        var c = _p.HeatCapacity.Value;

        var phiAir = heater.Value + (0.5 * internalGains.Value);
        var spread = (0.5 * internalGains.Value) + solar.Value;
        var phiMass = _p.MassAreaFraction * spread;
        var phiSurface = spread - phiMass;

        // The air node seen from the surface: conductance H1 to the temperature T_sup + Φ_ia / H_ve.
        var surfaceDrive = (_h1 * (te + (phiAir / hve))) + (hw * te) + phiSurface;
        var tx = surfaceDrive / _h2;
        var hm = _h3 + hem;
        var target = ((_h3 * tx) + (hem * te) + phiMass) / hm;

        var x = hm * hours / c;
        var start = _massTemperature;
        var end = target + ((start - target) * Math.Exp(-x));
        var meanFactor = x > 1e-12 ? -double.ExpM1(-x) / x : 1.0;
        var mean = target + ((start - target) * meanFactor);

        Losses += new WattHours(LossRate(mean, te, surfaceDrive, phiAir, hve, his, hw, hem, hms) * hours);
        HeaterHeat += heater * dt;
        InternalGains += internalGains * dt;
        SolarGains += solar * dt;

        _massTemperature = end;
        var ts = SurfaceAt(end, surfaceDrive, hms);
        SurfaceTemperature = new Celsius(ts);
        AirTemperature = new Celsius(AirAt(ts, te, phiAir, hve, his));
    }

    private double SurfaceAt(double tm, double surfaceDrive, double hms) => (surfaceDrive + (hms * tm)) / (_h2 + hms);

    private static double AirAt(double ts, double te, double phiAir, double hve, double his) =>
        ((hve * te) + (his * ts) + phiAir) / (hve + his);

    private double LossRate(
        double tm, double te, double surfaceDrive, double phiAir, double hve, double his, double hw, double hem, double hms)
    {
        var ts = SurfaceAt(tm, surfaceDrive, hms);
        var ta = AirAt(ts, te, phiAir, hve, his);
        return (hve * (ta - te)) + (hw * (ts - te)) + (hem * (tm - te));
    }
}
