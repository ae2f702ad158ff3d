namespace GreenCompute.Grains.Messaging;

/// <summary>One task to start or resume inside a <see cref="CommandPayload"/>; work in core-seconds, interval in seconds.</summary>
public sealed record TaskStartPayload(
    string? TaskId,
    string? JobId,
    string? Workload,
    double? CheckpointCoreSeconds,
    double? RemainingCoreSeconds,
    int? Cores,
    double? CheckpointIntervalSeconds);
