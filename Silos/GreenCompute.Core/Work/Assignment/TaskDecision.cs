using System.Collections.Immutable;
using GreenCompute.Core.Planning;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// A task's decision for this round: the action, the node, why, and when it should finish given the tentative
/// placement (null when it finishes beyond the horizon). <see cref="Runs"/> is filled only when
/// <see cref="AssignerOptions.RecordPlacements"/> is set.
/// </summary>
public sealed record TaskDecision(
    string TaskId,
    string JobId,
    TaskAction Action,
    string? NodeId,
    Reason Reason,
    DateTimeOffset? EstimatedCompletion,
    ImmutableArray<TaskRun> Runs);
