using System.Collections.Immutable;
using GreenCompute.Core.Planning;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>Everything one assignment round decides from: the time, the horizon, the fleet and the queue.</summary>
public sealed record AssignmentSnapshot(
    DateTimeOffset Now,
    PlanningHorizon Horizon,
    ImmutableArray<NodeSnapshot> Nodes,
    ImmutableArray<QueuedTask> Queue);
