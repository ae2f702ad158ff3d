using System.Collections.Immutable;
using GreenCompute.Core.Work;

namespace GreenCompute.Grains.Scheduling;

/// <summary>One task's persisted progress, in core-seconds.</summary>
public sealed record TaskRecord(
    WorkTaskState State,
    double Progress,
    double Checkpoint,
    string? NodeId,
    string? LastFailedNodeId,
    ImmutableArray<string> Failures,
    DateTimeOffset? FinishedAt);
