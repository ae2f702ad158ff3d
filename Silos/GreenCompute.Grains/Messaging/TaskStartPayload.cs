namespace GreenCompute.Grains.Messaging;

/// <summary>
/// One task to start or resume inside a <see cref="CommandPayload"/>; work in core-seconds, interval in seconds, and the
/// job's deadline when it has one (optional: a device orders its waiting tasks by it).
/// </summary>
public sealed record TaskStartPayload(
    string? TaskId,
    string? JobId,
    string? Workload,
    double? CheckpointCoreSeconds,
    double? RemainingCoreSeconds,
    int? Cores,
    double? CheckpointIntervalSeconds,
    DateTimeOffset? Deadline = null);
