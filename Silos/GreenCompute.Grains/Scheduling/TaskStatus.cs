using GreenCompute.Core.Work;

namespace GreenCompute.Grains.Scheduling;

/// <summary>One task of a job as its customer follows it: state, progress in core-seconds, where it runs, why.</summary>
public sealed record TaskStatus(string TaskId, WorkTaskState State, double ProgressCoreSeconds, double WorkCoreSeconds, string? NodeId, DateTimeOffset ChangedAt, string Reason);
