using GreenCompute.Core.Model;
using GreenCompute.Core.Units;
using GreenCompute.Simulation.Thermal;

namespace GreenCompute.EdgeAgent.Sensors;

/// <summary>
/// The default sensors: an ISO 13790 5R1C room (the simulator's own model) heated by this heater. Power follows the
/// load between the heater's idle and maximum power, under the power cap; the room integrates it over the time passed
/// since the last read, on the injected clock. When <see cref="MeasuredPower"/> is set (RAPL present), that power heats
/// the room instead.
/// </summary>
internal sealed class SimulatedRoomSensors : ISensorSource
{
    private readonly HeaterSpec _heater;
    private readonly Room5R1C _room;
    private readonly Celsius _outdoor;
    private readonly TimeProvider _time;
    private DateTimeOffset _last;
    private double _energyWh;

    public SimulatedRoomSensors(HeaterSpec heater, TimeProvider time, Celsius initial, Celsius outdoor, WattHours energyAtStart)
    {
        _heater = heater;
        _time = time;
        _outdoor = outdoor;
        _room = new Room5R1C(RoomParameters.FromGeometry(RoomGeometry.DefaultOffice), initial);
        _last = time.GetUtcNow();
        _energyWh = energyAtStart.Value;
    }

    /// <summary>The cap the power limiter enforces; the simulated heater draws no more.</summary>
    public Watts PowerCap { get; set; } = new(double.MaxValue);

    /// <summary>Set by <see cref="HostSensors"/> when real power is measured.</summary>
    public Func<Watts?>? MeasuredPower { get; set; }

    public SensorReading Read(double load)
    {
        var now = _time.GetUtcNow();
        var power = MeasuredPower?.Invoke() ?? ModelPower(load);
        var dt = now - _last;
        if (dt > TimeSpan.Zero)
        {
            // The power now stands for the whole interval since the last read (the telemetry period, 10 s).
            _room.Step(dt, power, Watts.Zero, Watts.Zero, _outdoor);
            _energyWh += power.Value * dt.TotalHours;
            _last = now;
        }

        return new SensorReading(_room.AirTemperature, power, new WattHours(_energyWh), Math.Clamp(load, 0, 1), null, "simulated 5R1C room");
    }

    private Watts ModelPower(double load)
    {
        var raw = _heater.IdlePower.Value + ((_heater.MaxPower.Value - _heater.IdlePower.Value) * Math.Clamp(load, 0, 1));
        return new Watts(Math.Min(raw, Math.Max(_heater.IdlePower.Value, PowerCap.Value)));
    }
}
