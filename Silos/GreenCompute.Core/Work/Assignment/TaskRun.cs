using GreenCompute.Core.Units;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// One piece of a task's tentative placement: on a node, within one slot, on one core. Forced runs ride on no
/// heat demand (power above the plan) because the deadline requires them.
/// </summary>
public sealed record TaskRun(string NodeId, DateTimeOffset Start, DateTimeOffset End, CoreSeconds Work, bool Forced);
