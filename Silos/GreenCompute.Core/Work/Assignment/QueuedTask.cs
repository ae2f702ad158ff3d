using GreenCompute.Core.Units;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// A runnable task as the assigner sees it: the single-core work left from its last checkpoint, its job's
/// deadline and price cap, and the node of its last failure, which a retry avoids when it can.
/// </summary>
public sealed record QueuedTask(
    string TaskId,
    string JobId,
    CoreSeconds Remaining,
    DateTimeOffset Deadline,
    EurPerMwh MaxPrice,
    DateTimeOffset SubmittedAt,
    string? AvoidNodeId = null);
