using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;
using GreenCompute.Core.Work;

namespace GreenCompute.Core.Tests.Work;

public class WorkTaskTests
{
    private static readonly DateTimeOffset Now = WorkFixtures.T0;

    private static (WorkQueue Queue, Job Job) Submit(int tasks = 1, double hours = 1)
    {
        var queue = new WorkQueue(new JobValidator(["sim"]));
        var spec = new JobSpec("sim run", "cust-1", "sim", tasks, new CoreSeconds(hours * 3600), Now.AddHours(12), new EurPerMwh(200), TimeSpan.FromMinutes(10));
        return (queue, queue.Submit("job", spec, Now).Job!);
    }

    [Fact]
    public void WorkTask_PausedByNode_ResumesFromTheCheckpointItReported()
    {
        var (queue, job) = Submit();
        var task = job.Tasks[0];
        task.Start("A", Now);
        task.ReportProgress("A", new CoreSeconds(1500), Now.AddMinutes(25));

        var paused = task.ReportPaused("A", new CoreSeconds(1500), Now.AddMinutes(25));

        Assert.True(paused.Applied);
        Assert.Equal(WorkTaskState.Paused, task.State);
        Assert.Equal(1500, task.Checkpoint.Value);
        Assert.Equal(2100, Assert.Single(queue.Queued()).Remaining.Value);
    }

    [Fact]
    public void WorkTask_PauseWithStaleCheckpoint_IsRejected()
    {
        var (_, job) = Submit();
        var task = job.Tasks[0];
        task.Start("A", Now);
        task.ReportCheckpoint("A", new CoreSeconds(1200), Now.AddMinutes(20));

        var paused = task.ReportPaused("A", new CoreSeconds(600), Now.AddMinutes(25));

        Assert.False(paused.Applied);
        Assert.Equal(WorkTaskState.Running, task.State);
    }

    [Fact]
    public void WorkTask_EventFromAnotherNode_IsRejected()
    {
        var (_, job) = Submit();
        var task = job.Tasks[0];
        task.Start("A", Now);

        var result = task.ReportCompleted("B", Now.AddHours(1));

        Assert.False(result.Applied);
        Assert.Contains("runs on node A, not B", result.Rejection, StringComparison.Ordinal);
        Assert.Equal(WorkTaskState.Running, task.State);
    }

    [Fact]
    public void WorkTask_TimeToNextCheckpoint_CountsFromLastCheckpoint()
    {
        var (_, job) = Submit();
        var task = job.Tasks[0];
        task.Start("A", Now);
        task.ReportCheckpoint("A", new CoreSeconds(600), Now.AddMinutes(10));

        Assert.Equal(TimeSpan.FromMinutes(6), task.TimeToNextCheckpoint(Now.AddMinutes(14)));
    }

    [Fact]
    public void WorkQueue_NodeLost_RequeuesFromLastCheckpointWithAttemptCounted()
    {
        var (queue, job) = Submit();
        var task = job.Tasks[0];
        task.Start("A", Now);
        task.ReportCheckpoint("A", new CoreSeconds(1440), Now.AddMinutes(24));
        task.ReportProgress("A", new CoreSeconds(2160), Now.AddMinutes(36));

        var lost = queue.NodeLost("A", "went offline", Now.AddMinutes(37));

        Assert.Equal("job/0", Assert.Single(lost));
        Assert.Equal(WorkTaskState.Queued, task.State);
        Assert.Equal(1440, task.Progress.Value);
        Assert.Equal(2, task.Attempt);
        Assert.Equal(ReasonCode.RetryFromCheckpoint, task.Reason.Code);
        Assert.StartsWith("retry 2/3 from checkpoint at 40 %", task.Reason.Text, StringComparison.Ordinal);
        var queued = Assert.Single(queue.Queued());
        Assert.Equal(3600 - 1440, queued.Remaining.Value);
        Assert.Equal("A", queued.AvoidNodeId);
    }

    [Fact]
    public void WorkQueue_RetriesExhausted_FailsJobNamingTaskAndFailures()
    {
        var (queue, job) = Submit(tasks: 3);
        var task = job.Tasks[1];
        string[] nodes = ["A", "B", "C"];
        foreach (var node in nodes)
        {
            task.Start(node, Now);
            queue.NodeLost(node, "went offline", Now.AddMinutes(5));
        }

        Assert.Equal(WorkTaskState.Failed, task.State);
        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(ReasonCode.WorkFailed, job.Reason.Code);
        Assert.Contains("job/1", job.Reason.Text, StringComparison.Ordinal);
        Assert.Contains("failed 3 times", job.Reason.Text, StringComparison.Ordinal);
        Assert.Contains("node A: went offline; node B: went offline; node C: went offline", job.Reason.Text, StringComparison.Ordinal);
        Assert.Equal(WorkTaskState.Cancelled, job.Tasks[0].State);
        Assert.Empty(queue.Queued());
    }

    [Fact]
    public void WorkQueue_JobFailsWhileTaskRuns_AsksItsNodeToCancel()
    {
        var (queue, job) = Submit(tasks: 2);
        job.Tasks[0].Start("Z", Now);
        var task = job.Tasks[1];
        foreach (var node in new[] { "A", "B", "C" })
        {
            task.Start(node, Now);
            task.ReportFailed(node, "exit code 139", Now);
        }

        var running = Assert.Single(queue.RunningByNode(Now)["Z"]);

        Assert.True(running.CancelRequested);
        Assert.True(job.Tasks[0].ReportCancelled("Z", Now).Applied);
        Assert.Equal(WorkTaskState.Cancelled, job.Tasks[0].State);
    }

    [Fact]
    public void Job_AllTasksCompleted_IsCompletedWithReason()
    {
        var (_, job) = Submit(tasks: 2);
        foreach (var task in job.Tasks)
        {
            task.Start("A", Now);
            Assert.Equal(JobState.Running, job.State);
            task.ReportCompleted("A", Now.AddHours(1));
        }

        Assert.Equal(JobState.Completed, job.State);
        Assert.Equal(2, job.CompletedTasks);
        Assert.Equal(ReasonCode.WorkCompleted, job.Reason.Code);
        Assert.Equal(7200, job.Progress.Value);
    }

    [Fact]
    public void WorkTask_CompletedTask_CannotStartAgain()
    {
        var (_, job) = Submit(tasks: 2);
        var task = job.Tasks[0];
        task.Start("A", Now);
        task.ReportCompleted("A", Now.AddHours(1));

        Assert.False(task.Start("B", Now.AddHours(2)).Applied);
    }
}
