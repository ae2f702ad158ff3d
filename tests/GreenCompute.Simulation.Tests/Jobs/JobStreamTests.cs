using GreenCompute.Simulation.Data;
using GreenCompute.Simulation.Jobs;

namespace GreenCompute.Simulation.Tests.Jobs;

public sealed class JobStreamTests
{
    private static readonly DateTimeOffset Start = new(2017, 10, 21, 23, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<JobTrace> Nasa = new(() => JobTrace.Load(TestData.File(JobTrace.FileName)));

    [Fact]
    public void Constructor_NasaTrace_FirstJobSplitsIntoSixteenTasksKeepingItsWork()
    {
        var stream = new JobStream(Nasa.Value, new JobStreamOptions { Start = Start });

        var first = stream.All[0];

        Assert.Equal(Start, first.SubmitAt);
        Assert.Equal("trace-1", first.JobId);
        Assert.Equal(16, first.TaskCount);
        Assert.Equal(1451.0 * 128 / 16, first.WorkPerTask.Value, 9);
        Assert.Equal(1451.0 * 128, first.TotalWork.Value, 6);
        Assert.Equal(Start.AddSeconds(3 * 1451.0 * 128 / 16), first.Deadline);
        Assert.Equal(Nasa.Value.Jobs.Count, stream.All.Count);
    }

    [Fact]
    public void Constructor_SingleProcessorJob_DeadlineIsSubmitPlusThreeRuntimes()
    {
        var trace = new JobTrace("t", [new TraceJob(7, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(10), 1)], 1, 0, null);

        var job = Assert.Single(new JobStream(trace, new JobStreamOptions { Start = Start }).All);

        Assert.Equal(Start.AddSeconds(100), job.SubmitAt);
        Assert.Equal(Start.AddSeconds(130), job.Deadline);
        Assert.Equal(1, job.TaskCount);
    }

    [Fact]
    public void Constructor_MinimumSlack_ExtendsShortDeadlines()
    {
        var trace = new JobTrace("t", [new TraceJob(7, TimeSpan.Zero, TimeSpan.FromSeconds(10), 1)], 1, 0, null);

        var job = new JobStream(trace, new JobStreamOptions { Start = Start, MinimumSlack = TimeSpan.FromHours(1) }).All[0];

        Assert.Equal(Start.AddSeconds(3610), job.Deadline);
    }

    [Fact]
    public void Constructor_TargetLoad_ScalesSubmitTimesToTheOfferedLoad()
    {
        var plain = new JobStream(Nasa.Value, new JobStreamOptions { Start = Start });
        var scaled = new JobStream(Nasa.Value, new JobStreamOptions { Start = Start, TargetLoad = 0.6, FleetCores = 384 });

        Assert.InRange(plain.TraceLoadCores, 55, 65);
        Assert.Equal(0.6 * 384, scaled.OfferedLoadCores, 9);
        var span = scaled.All[^1].SubmitAt - Start;
        var work = scaled.All.Sum(j => j.TotalWork.Value);
        Assert.Equal(0.6 * 384, work / span.TotalSeconds, 3);
        Assert.Equal(plain.All.Sum(j => j.TotalWork.Value), work, 3);
    }

    [Fact]
    public void TakeDue_CalledRepeatedly_ReturnsEachSubmissionOnceInOrder()
    {
        var stream = new JobStream(Nasa.Value, new JobStreamOptions { Start = Start });
        var seen = new List<JobSubmission>();

        for (var now = Start; now <= Start.AddDays(3); now = now.AddMinutes(15))
        {
            var due = stream.TakeDue(now);
            Assert.All(due, j => Assert.True(j.SubmitAt <= now));
            seen.AddRange(due);
        }

        Assert.Equal(stream.Between(Start, Start.AddDays(3).AddTicks(1)), seen);
        Assert.Equal(seen.Count, seen.Select(j => j.JobId).Distinct().Count());
        Assert.Empty(stream.TakeDue(Start.AddDays(3)));
    }
}
