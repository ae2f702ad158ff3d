namespace GreenCompute.SchedulingBench.Oracle;

/// <summary>
/// Jobs of a window pooled by (release hour, deadline): <see cref="Work"/> core-hours that may use at most
/// <see cref="RateCap"/>[t] core-hours in hour t (one core per task, only inside [release, deadline]).
/// <see cref="DeferCost"/> is the EUR per core-hour of leaving work past the window's end (deadline beyond it);
/// null when the deadline falls inside the window.
/// </summary>
internal sealed record JobGroup(double Work, double[] RateCap, double? DeferCost);
