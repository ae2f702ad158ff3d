using GreenCompute.SchedulingBench.Metrics;

namespace GreenCompute.SchedulingBench.Tests.Metrics;

public class JobStatisticsTests
{
    private static readonly DateTimeOffset T0 = new(2017, 10, 22, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(50, 5, 5.0)]     // short job: the 10 s bound divides
    [InlineData(300, 100, 3.0)]
    [InlineData(100, 100, 1.0)]
    [InlineData(3, 2, 1.0)]      // never below 1
    public void BoundedSlowdown_UsesTheTenSecondBound(double responseSeconds, double runtimeSeconds, double expected) =>
        Assert.Equal(expected, JobStatistics.BoundedSlowdown(TimeSpan.FromSeconds(responseSeconds), TimeSpan.FromSeconds(runtimeSeconds)), 12);

    [Fact]
    public void Percentile_IsNearestRank()
    {
        Assert.Equal(19, JobStatistics.Percentile([.. Enumerable.Range(1, 20).Select(i => (double)i).Reverse()], 0.95));
        Assert.Equal(7, JobStatistics.Percentile([7], 0.95));
        Assert.Equal(0, JobStatistics.Percentile([], 0.95));
    }

    [Fact]
    public void Summarize_CountsLateAndUnfinishedJobsAndCensorsOnesNotYetDue()
    {
        var end = T0.AddHours(10);
        var minute = TimeSpan.FromMinutes(1);
        JobStatistics.JobOutcome[] jobs =
        [
            new(T0, T0.AddHours(1), minute, T0.AddMinutes(30)),        // on time, slowdown 30
            new(T0, T0.AddHours(1), minute, T0.AddMinutes(90)),        // late, slowdown 90
            new(T0, T0.AddHours(2), minute, null),                     // never finished, due: missed, slowdown 600
            new(T0, T0.AddHours(12), minute, null),                    // not yet due: censored
            new(T0, T0.AddHours(12), minute, T0.AddMinutes(1)),        // finished early, counted, slowdown 1
        ];

        var summary = JobStatistics.Summarize(jobs, end);

        Assert.Equal(4, summary.Counted);
        Assert.Equal(2, summary.Missed);
        Assert.Equal(1, summary.Unfinished);
        Assert.Equal(0.5, summary.MissRate, 12);
        Assert.Equal(600, summary.P95BoundedSlowdown, 12);
        Assert.Equal((30 + 90 + 600 + 1) / 4.0, summary.MeanBoundedSlowdown, 12);
    }
}
