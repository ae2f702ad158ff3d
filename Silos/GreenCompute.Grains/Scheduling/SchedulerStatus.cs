using System.Collections.Immutable;

namespace GreenCompute.Grains.Scheduling;

/// <summary>Counters of the scheduler and its latest decisions in plain words.</summary>
public sealed record SchedulerStatus(
    int Rounds,
    int JobsSubmitted,
    int JobsRejected,
    int JobsCompleted,
    int JobsFailed,
    int TasksCompleted,
    int TasksRunning,
    int TasksWaiting,
    int TasksFailed,
    int TasksLateCompleted,
    int TasksPastDeadline,
    TimeSpan LastRoundDuration,
    ImmutableArray<string> RecentReasons);
