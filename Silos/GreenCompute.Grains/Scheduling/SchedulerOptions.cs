using GreenCompute.Core.Planning;
using GreenCompute.Core.Work.Assignment;

namespace GreenCompute.Grains.Scheduling;

/// <summary>Scheduler grain settings.</summary>
public sealed record SchedulerOptions
{
    /// <summary>Planning rounds run this often, aligned to slot starts.</summary>
    public TimeSpan PlanningPeriod { get; init; } = PlanningHorizon.DefaultSlotLength;

    public int HorizonSlots { get; init; } = PlanningHorizon.DefaultSlotCount;

    /// <summary>Run rounds from a grain timer. The simulator turns this off and calls RunRound itself, in step with the fleet.</summary>
    public bool AutoPlan { get; init; } = true;

    /// <summary>Workloads a job may name.</summary>
    public IReadOnlyList<string> KnownWorkloads { get; init; } = ["cpu-burn", "monte-carlo-pi", "nasa-trace"];

    public AssignerOptions Assigner { get; init; } = AssignerOptions.Default;

    /// <summary>How many decision reasons the status keeps.</summary>
    public int RecentReasons { get; init; } = 12;
}
