namespace GreenCompute.SchedulingBench.Simulation;

/// <summary>A policy with a remark for the report (e.g. the oracle's LP statistics).</summary>
internal interface INoted
{
    string? Note { get; }
}
