using GreenCompute.Core.Units;

namespace GreenCompute.EdgeAgent.Sensors;

/// <summary>
/// Real Linux sources where the host has them: RAPL for power and the energy counter, hwmon / thermal zones for the
/// device temperature. The room itself has no sysfs sensor, so its temperature still comes from the 5R1C room, heated
/// by the measured power. Power is the energy difference over the time between two reads (the first read reports the
/// model's power).
/// </summary>
internal sealed class HostSensors(SimulatedRoomSensors room, RaplEnergyReader? rapl, TemperatureReader? temperatures, TimeProvider time,
    WattHours energyAtStart) : ISensorSource
{
    private double? _lastJoules;
    private long _lastTimestamp;
    private Watts? _measured;

    public bool HasRapl => rapl is not null;

    public SensorReading Read(double load)
    {
        if (rapl is not null)
        {
            var joules = rapl.ReadJoules();
            var stamp = time.GetTimestamp();
            if (_lastJoules is { } previous && time.GetElapsedTime(_lastTimestamp, stamp) is { TotalSeconds: > 0 } elapsed)
            {
                _measured = new Watts((joules - previous) / elapsed.TotalSeconds);
            }

            _lastJoules = joules;
            _lastTimestamp = stamp;
            room.MeasuredPower = () => _measured;
        }

        var reading = room.Read(load);
        var source = rapl is null ? reading.Source : "RAPL powercap + " + reading.Source;
        var energy = rapl is null ? reading.Energy : new WattHours(energyAtStart.Value + ((_lastJoules ?? 0) / 3600.0));
        var device = temperatures?.ReadHottest() is { } hottest ? new Celsius(hottest) : (Celsius?)null;
        if (device is not null)
        {
            source += " + hwmon/thermal";
        }

        return reading with { Energy = energy, DeviceCelsius = device, Source = source };
    }
}
