namespace GreenCompute.SchedulingBench.Oracle;

/// <summary>How a <see cref="DenseSimplex"/> solve ended.</summary>
internal enum SimplexStatus
{
    Optimal,
    Infeasible,
    Unbounded,
    IterationLimit,
}
