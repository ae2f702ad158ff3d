namespace GreenCompute.SchedulingBench.Simulation;

/// <summary>
/// One single-core task of a job. <see cref="Done"/> is the work kept from earlier runs: a task is checkpointed when
/// it is paused, so pausing loses nothing (every policy gets the same preemption model). A task waits in the queue,
/// runs on one node, or is finished.
/// </summary>
internal sealed class BenchTask(string id, BenchJob job, long sequence)
{
    public string Id { get; } = id;

    public BenchJob Job { get; } = job;

    /// <summary>Submission order, for FIFO ties.</summary>
    public long Sequence { get; } = sequence;

    public double Work => Job.Arrival.WorkPerTask;

    public double Done { get; set; }

    public double Remaining => Math.Max(0, Work - Done);

    public DateTimeOffset SubmittedAt => Job.Arrival.SubmitAt;

    public DateTimeOffset Deadline => Job.Arrival.Deadline;

    /// <summary>Index of the node it runs on, or −1.</summary>
    public int Node { get; set; } = -1;

    public bool Finished { get; set; }

    /// <summary>The latest moment it can start on one full core and still meet its deadline.</summary>
    public DateTimeOffset LatestStart => Deadline - TimeSpan.FromSeconds(Remaining);
}
