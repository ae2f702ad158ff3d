using GreenCompute.Core.Units;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// A task running on a node: work left, work done since its last checkpoint (lost if the node fails), and
/// the wall time to its next checkpoint (the earliest moment it can pause without losing work).
/// <see cref="CancelRequested"/> is set when its job has failed or was withdrawn.
/// </summary>
public sealed record RunningTask(
    string TaskId,
    string JobId,
    CoreSeconds Remaining,
    CoreSeconds SinceCheckpoint,
    TimeSpan TimeToNextCheckpoint,
    DateTimeOffset Deadline,
    EurPerMwh MaxPrice,
    DateTimeOffset SubmittedAt,
    bool CancelRequested = false);
