using GreenCompute.SchedulingBench.Setup;

namespace GreenCompute.SchedulingBench.Tests.Setup;

public class JobTilerTests
{
    [Fact]
    public void Build_RepeatsTheScaledTraceToFillTheWindow_AtTheTargetLoad()
    {
        var start = BenchFixture.Start;
        var end = start.AddDays(10);
        var trace = BenchFixture.Data.Jobs;

        var jobs = JobTiler.Build(trace, start, end, busyCores: 150, fleetCores: 512, slack: 3, TimeSpan.FromMinutes(30));

        var offered = jobs.Sum(j => j.TotalWork) / (end - start).TotalSeconds;
        Assert.InRange(offered, 150 * 0.85, 150 * 1.15);
        Assert.True(jobs[^1].SubmitAt > start.AddDays(9), "the last copy reaches the end of the window");
        Assert.All(jobs, j => Assert.InRange(j.SubmitAt, start, end));
        Assert.Equal(jobs.Count, jobs.Select(j => j.JobId).Distinct().Count());
        Assert.Equal(jobs.OrderBy(j => j.SubmitAt).Select(j => j.JobId), jobs.Select(j => j.JobId));
        Assert.All(jobs, j => Assert.Equal(
            Math.Max(3 * j.WorkPerTask, j.WorkPerTask + 1800), (j.Deadline - j.SubmitAt).TotalSeconds, 3));
        Assert.All(jobs, j => Assert.InRange(j.TaskCount, 1, 16));
    }
}
