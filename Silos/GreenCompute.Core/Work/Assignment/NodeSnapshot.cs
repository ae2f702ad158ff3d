using System.Collections.Immutable;
using GreenCompute.Core.Model;
using GreenCompute.Core.Planning;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// One heater node at the start of an assignment round: its envelope, its power plan, whether it is online,
/// the tasks it runs, and when it last switched between computing and not computing (for dwell times).
/// </summary>
public sealed record NodeSnapshot(
    string NodeId,
    HeaterSpec Spec,
    PowerPlan Plan,
    bool Online,
    ImmutableArray<RunningTask> Running,
    DateTimeOffset StateChangedAt);
