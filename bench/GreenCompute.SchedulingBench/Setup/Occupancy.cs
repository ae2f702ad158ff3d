using GreenCompute.Core.Units;

namespace GreenCompute.SchedulingBench.Setup;

/// <summary>
/// The simulator's internal-gain schedule, restated for the oracle's room replica and the heat-capacity estimate:
/// the room's peak gain on weekdays 08:00–18:00 local time, 10 % of it otherwise (GreenCompute.Simulation's
/// OccupancySchedule; a test checks the replica against the simulator).
/// </summary>
internal static class Occupancy
{
    public const double StandbyFraction = 0.1;

    public static Watts GainsAt(Watts peak, TimeSpan localOffset, DateTimeOffset instant)
    {
        var local = instant.ToOffset(localOffset);
        var occupied = local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && local.Hour is >= 8 and < 18;
        return occupied ? peak : peak * StandbyFraction;
    }
}
