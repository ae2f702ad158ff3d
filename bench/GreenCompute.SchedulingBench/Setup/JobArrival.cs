namespace GreenCompute.SchedulingBench.Setup;

/// <summary>
/// One job of the benchmark: a bag of <paramref name="TaskCount"/> single-core tasks of <paramref name="WorkPerTask"/>
/// core-seconds each, submitted at <paramref name="SubmitAt"/>, due by <paramref name="Deadline"/>.
/// </summary>
internal sealed record JobArrival(string JobId, DateTimeOffset SubmitAt, int TaskCount, double WorkPerTask, DateTimeOffset Deadline)
{
    public double TotalWork => WorkPerTask * TaskCount;

    /// <summary>The shortest possible response time: one task's work on one core.</summary>
    public TimeSpan Runtime => TimeSpan.FromSeconds(WorkPerTask);
}
