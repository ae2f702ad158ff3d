using GreenCompute.SchedulingBench.Metrics;

namespace GreenCompute.SchedulingBench.Simulation;

/// <summary>A finished run: its metrics and the 15-minute trace of the chart room.</summary>
internal sealed record RunResult(SchedulerMetrics Metrics, IReadOnlyList<TracePoint> Trace);
