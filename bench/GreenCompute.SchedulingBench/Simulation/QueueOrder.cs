namespace GreenCompute.SchedulingBench.Simulation;

/// <summary>The order in which a policy's queue hands out waiting tasks.</summary>
internal enum QueueOrder
{
    /// <summary>Submission order (first in, first out).</summary>
    Fifo,

    /// <summary>Earliest deadline first.</summary>
    EarliestDeadline,
}
