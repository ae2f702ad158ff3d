using System.Collections.Immutable;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>The decisions of one assignment round: per node, per task, and a completion estimate per job.</summary>
public sealed record AssignmentResult(
    DateTimeOffset Now,
    ImmutableArray<NodeDecision> Nodes,
    ImmutableArray<TaskDecision> Tasks,
    ImmutableArray<JobEstimate> Jobs);
