namespace GreenCompute.Core.Work.Assignment;

/// <summary>The order in which tasks claim capacity.</summary>
public enum TaskOrder
{
    /// <summary>Earliest deadline first: the policy.</summary>
    EarliestDeadlineFirst,

    /// <summary>Submission order (FIFO): a baseline for benchmarks, not for production.</summary>
    Submission,
}
