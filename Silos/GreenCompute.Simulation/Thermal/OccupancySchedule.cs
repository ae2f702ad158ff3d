using GreenCompute.Core.Units;

namespace GreenCompute.Simulation.Thermal;

/// <summary>
/// Internal gains of an office room: people, lights and equipment at <see cref="Peak"/> on weekdays 08:00–18:00
/// local time, and a 10 % standby load otherwise.
/// </summary>
internal sealed class OccupancySchedule(Watts peak, TimeSpan localOffset)
{
    public const double StandbyFraction = 0.1;

    public Watts Peak { get; } = peak;

    public Watts At(DateTimeOffset instant)
    {
        var local = instant.ToOffset(localOffset);
        var occupied = local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && local.Hour is >= 8 and < 18;
        return occupied ? Peak : Peak * StandbyFraction;
    }
}
