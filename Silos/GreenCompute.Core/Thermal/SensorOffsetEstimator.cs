using GreenCompute.Core.Units;

namespace GreenCompute.Core.Thermal;

/// <summary>
/// Learns how much the room sensor reads above the room's heat store per watt of heater power (K/W).
/// A heater-computer blows its heat into the air, so while it heats the air sensor reads warmer than the walls and
/// furniture that hold the heat, and the reading drops at once when it stops (about 3 K at 1 kW in the ISO 13790
/// office room). The 1R1C planner must plan the store, so it subtracts this offset: store ≈ sensor − k × P.
/// The offset shows as the jump of the reading across a power step between two close readings, when the store
/// itself has had no time to move.
/// </summary>
public sealed class SensorOffsetEstimator(SensorOffsetState? state = null)
{
    /// <summary>Only steps at least this large (W) between readings at most <see cref="MaxGap"/> apart are used.</summary>
    public const double MinStepWatts = 200;

    /// <summary>Offsets outside 0..10 K/kW are not physical for a room heater and are ignored.</summary>
    public const double MaxKelvinPerWatt = 0.01;

    public static readonly TimeSpan MaxGap = TimeSpan.FromMinutes(3);

    private const double Smoothing = 0.2;

    private double _kelvinPerWatt = state?.KelvinPerWatt ?? 0;
    private int _steps = state?.Steps ?? 0;

    /// <summary>The offset per watt; 0 until a power step has been seen.</summary>
    public double KelvinPerWatt => _kelvinPerWatt;

    public int Steps => _steps;

    public SensorOffsetState Snapshot() => new(_kelvinPerWatt, _steps);

    /// <summary>The store temperature behind a sensor reading taken at <paramref name="power"/>.</summary>
    public Celsius StoreTemperature(Celsius sensor, Watts power) => new(sensor.Value - (_kelvinPerWatt * power.Value));

    /// <summary>Feeds two consecutive readings; returns whether they carried a usable power step.</summary>
    public bool Add(ThermalSample previous, ThermalSample current)
    {
        var gap = current.Time - previous.Time;
        var step = current.Power.Value - previous.Power.Value;
        if (gap <= TimeSpan.Zero || gap > MaxGap || Math.Abs(step) < MinStepWatts)
        {
            return false;
        }

        var k = (current.Room.Value - previous.Room.Value) / step;
        if (!double.IsFinite(k) || k < 0 || k > MaxKelvinPerWatt)
        {
            return false;
        }

        // A running mean for the first steps, then an exponential average that follows slow changes (doors, furniture).
        _steps++;
        var weight = Math.Max(Smoothing, 1.0 / _steps);
        _kelvinPerWatt += weight * (k - _kelvinPerWatt);
        return true;
    }
}
