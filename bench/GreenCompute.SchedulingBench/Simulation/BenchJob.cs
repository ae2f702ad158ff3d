using GreenCompute.SchedulingBench.Setup;

namespace GreenCompute.SchedulingBench.Simulation;

/// <summary>A job's progress during one run: tasks finished and when the last one finished.</summary>
internal sealed class BenchJob(JobArrival arrival)
{
    public JobArrival Arrival { get; } = arrival;

    public int TasksFinished { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public bool IsFinished => FinishedAt is not null;
}
