using GreenCompute.Core.Units;
using GreenCompute.Core.Work;

namespace GreenCompute.Core.Tests.Work;

public class JobValidatorTests
{
    private static readonly DateTimeOffset Now = WorkFixtures.T0;

    private static readonly JobValidator Validator = new(["blender", "gromacs"]);

    private static JobSpec Good => new(
        Name: "render frames",
        CustomerId: "cust-1",
        Workload: "blender",
        TaskCount: 10,
        CpuSecondsPerTask: new CoreSeconds(1800),
        Deadline: Now.AddHours(12),
        MaxPrice: new EurPerMwh(150),
        CheckpointInterval: TimeSpan.FromMinutes(10));

    [Fact]
    public void JobValidator_GoodSpec_IsValid()
    {
        var validation = Validator.Validate(Good, Now);

        Assert.True(validation.IsValid);
        Assert.Empty(validation.Problems);
        Assert.Equal(Good, validation.Spec!.Spec);
    }

    [Theory]
    [InlineData("no tasks", nameof(JobSpec.TaskCount), "no tasks")]
    [InlineData("negative tasks", nameof(JobSpec.TaskCount), "no tasks")]
    [InlineData("deadline past", nameof(JobSpec.Deadline), "already past")]
    [InlineData("deadline too close", nameof(JobSpec.Deadline), "needs")]
    [InlineData("zero cpu", nameof(JobSpec.CpuSecondsPerTask), "positive")]
    [InlineData("negative cpu", nameof(JobSpec.CpuSecondsPerTask), "positive")]
    [InlineData("nan cpu", nameof(JobSpec.CpuSecondsPerTask), "positive")]
    [InlineData("unknown workload", nameof(JobSpec.Workload), "unknown workload 'mining'")]
    [InlineData("negative price", nameof(JobSpec.MaxPrice), "must not be negative")]
    [InlineData("no checkpoints", nameof(JobSpec.CheckpointInterval), "positive")]
    [InlineData("no name", nameof(JobSpec.Name), "no name")]
    [InlineData("no customer", nameof(JobSpec.CustomerId), "no customer")]
    public void JobValidator_BadSpec_IsRejectedWithItsReason(string bad, string field, string text)
    {
        var spec = bad switch
        {
            "no tasks" => Good with { TaskCount = 0 },
            "negative tasks" => Good with { TaskCount = -3 },
            "deadline past" => Good with { Deadline = Now.AddMinutes(-1) },
            "deadline too close" => Good with { Deadline = Now.AddMinutes(20) },
            "zero cpu" => Good with { CpuSecondsPerTask = CoreSeconds.Zero },
            "negative cpu" => Good with { CpuSecondsPerTask = new CoreSeconds(-5) },
            "nan cpu" => Good with { CpuSecondsPerTask = new CoreSeconds(double.NaN) },
            "unknown workload" => Good with { Workload = "mining" },
            "negative price" => Good with { MaxPrice = new EurPerMwh(-1) },
            "no checkpoints" => Good with { CheckpointInterval = TimeSpan.Zero },
            "no name" => Good with { Name = " " },
            "no customer" => Good with { CustomerId = "" },
            _ => throw new ArgumentOutOfRangeException(nameof(bad)),
        };

        var validation = Validator.Validate(spec, Now);

        Assert.False(validation.IsValid);
        Assert.Null(validation.Spec);
        var problem = Assert.Single(validation.Problems);
        Assert.Equal(field, problem.Field);
        Assert.Contains(text, problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void JobValidator_SeveralProblems_AreAllReported()
    {
        var spec = Good with { TaskCount = 0, Workload = "mining", MaxPrice = new EurPerMwh(-10), Deadline = Now };

        var validation = Validator.Validate(spec, Now);

        Assert.Equal(
            [nameof(JobSpec.Workload), nameof(JobSpec.TaskCount), nameof(JobSpec.Deadline), nameof(JobSpec.MaxPrice)],
            validation.Problems.Select(p => p.Field));
    }

    [Fact]
    public void WorkQueue_InvalidSpec_QueuesNothing()
    {
        var queue = new WorkQueue(Validator);

        var submission = queue.Submit("job-1", Good with { TaskCount = 0, Deadline = Now.AddHours(-2) }, Now);

        Assert.False(submission.Accepted);
        Assert.Equal(2, submission.Problems.Length);
        Assert.Empty(queue.Jobs);
        Assert.Empty(queue.Queued());
        Assert.Null(queue.FindJob("job-1"));
    }

    [Fact]
    public void WorkQueue_ValidSpec_QueuesEveryTaskWithFullWork()
    {
        var queue = new WorkQueue(Validator);

        var submission = queue.Submit("job-1", Good, Now);

        Assert.True(submission.Accepted);
        var queued = queue.Queued();
        Assert.Equal(10, queued.Length);
        Assert.All(queued, t => Assert.Equal(1800, t.Remaining.Value));
        Assert.Equal("job-1/0", queued[0].TaskId);
        Assert.Equal(JobState.Queued, submission.Job!.State);
    }

    [Fact]
    public void WorkQueue_DuplicateJobId_IsRejected()
    {
        var queue = new WorkQueue(Validator);
        queue.Submit("job-1", Good, Now);

        var again = queue.Submit("job-1", Good with { TaskCount = 3 }, Now);

        Assert.False(again.Accepted);
        Assert.Equal(10, queue.Queued().Length);
    }
}
