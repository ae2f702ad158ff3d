using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;
using GreenCompute.Core.Work;

namespace GreenCompute.Core.Tests.Work;

public class JobCancelTests
{
    private static readonly DateTimeOffset Now = WorkFixtures.T0;

    private static Job Submit(int tasks)
    {
        var queue = new WorkQueue(new JobValidator(["sim"]));
        var spec = new JobSpec("sim run", "cust-1", "sim", tasks, new CoreSeconds(600), Now.AddHours(12), new EurPerMwh(200), TimeSpan.FromMinutes(10));
        return queue.Submit("job", spec, Now).Job!;
    }

    [Fact]
    public void Cancel_RunningJob_CancelsIdleTasksAndAsksRunningOnesToStop()
    {
        var job = Submit(3);
        job.Tasks[0].Start("A", Now);
        job.Tasks[1].Start("B", Now);
        job.Tasks[1].ReportCompleted("B", Now.AddMinutes(10));

        var result = job.Cancel(Now.AddMinutes(20));

        Assert.True(result.Applied);
        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal(ReasonCode.WorkCancelled, job.Reason.Code);
        Assert.Equal(Now.AddMinutes(20), job.CancelledAt);
        Assert.True(job.Tasks[0].CancelRequested);
        Assert.Equal(WorkTaskState.Completed, job.Tasks[1].State);
        Assert.Equal(WorkTaskState.Cancelled, job.Tasks[2].State);
        Assert.True(job.Tasks[0].ReportCancelled("A", Now.AddMinutes(21)).Applied);
    }

    [Fact]
    public void Cancel_FinishedJob_IsRejectedAndChangesNothing()
    {
        var job = Submit(1);
        job.Tasks[0].Start("A", Now);
        job.Tasks[0].ReportCompleted("A", Now.AddMinutes(10));

        var result = job.Cancel(Now.AddMinutes(20));

        Assert.False(result.Applied);
        Assert.Contains("already ended", result.Rejection);
        Assert.Equal(JobState.Completed, job.State);
        Assert.Null(job.CancelledAt);
    }
}
