namespace GreenCompute.SchedulingBench.Simulation;

/// <summary>Total orders on tasks for the waiting queue: FIFO by (submit, sequence), EDF by (deadline, sequence).</summary>
internal static class TaskComparers
{
    public static IComparer<BenchTask> Fifo { get; } = Comparer<BenchTask>.Create(static (a, b) =>
    {
        var c = a.SubmittedAt.CompareTo(b.SubmittedAt);
        return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
    });

    public static IComparer<BenchTask> EarliestDeadline { get; } = Comparer<BenchTask>.Create(static (a, b) =>
    {
        var c = a.Deadline.CompareTo(b.Deadline);
        return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
    });

    public static IComparer<BenchTask> For(QueueOrder order) => order == QueueOrder.Fifo ? Fifo : EarliestDeadline;
}
