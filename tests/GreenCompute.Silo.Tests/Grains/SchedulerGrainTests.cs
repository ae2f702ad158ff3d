using GreenCompute.Core.Units;
using GreenCompute.Core.Work;
using GreenCompute.Grains;
using GreenCompute.Grains.Jobs;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Grains.Sites;

namespace GreenCompute.Silo.Tests.Grains;

public class SchedulerGrainTests
{
    private static JobSpec Spec(int tasks = 4, double cpuSeconds = 1800, double deadlineHours = 12, string workload = "cpu-burn") => new(
        "render", "customer-1", workload, tasks, new CoreSeconds(cpuSeconds), SiloFixture.Start.AddHours(deadlineHours), new EurPerMwh(500), TimeSpan.FromMinutes(10));

    [Fact]
    public async Task Submit_InvalidJob_IsRejectedWithEveryReasonAndNothingIsQueued()
    {
        await using var silo = await SiloFixture.StartAsync();
        var scheduler = silo.Host.GetGrain<ISchedulerGrain>(SiloGrains.SchedulerKey);

        var result = await silo.Host.GetGrain<IJobGrain>("bad").Submit(Spec(tasks: 0, cpuSeconds: -5, deadlineHours: -1, workload: "bitcoin"));

        Assert.False(result.Accepted);
        var fields = result.Problems.Select(p => p.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "TaskCount", "CpuSecondsPerTask", "Deadline", "Workload" }, fields);
        var status = await scheduler.GetStatus();
        Assert.Equal((0, 0, 1), (status.TasksWaiting, status.TasksRunning, status.JobsRejected));
        Assert.Null(await silo.Host.GetGrain<IJobGrain>("bad").GetStatus());
    }

    [Fact]
    public async Task RunRound_ColdRoomWithQueuedWork_StartsTasksWithAReasonAndTheJobSurvivesARestart()
    {
        await using var silo = await SiloFixture.StartAsync();
        await RegisterOneNodeAsync(silo, roomCelsius: 19.0);
        Assert.True((await silo.Host.GetGrain<IJobGrain>("job-1").Submit(Spec())).Accepted);

        var report = await silo.Host.GetGrain<ISchedulerGrain>(SiloGrains.SchedulerKey).RunRound();

        Assert.Equal(1, report.NodesPlanned);
        Assert.True(report.TasksStarted > 0, "a cold room with queued work should compute");
        var command = Assert.Single(silo.Commands);
        Assert.Equal(HeaterMode.Computing, command.Mode);
        Assert.NotEmpty(command.Start);
        Assert.False(string.IsNullOrWhiteSpace(command.Reason));
        Assert.NotNull(command.Band);
        var before = await silo.Host.GetGrain<IJobGrain>("job-1").GetStatus();

        await silo.RestartAsync();

        var after = await silo.Host.GetGrain<IJobGrain>("job-1").GetStatus();
        Assert.NotNull(after);
        Assert.Equal((before!.State, before.Tasks, before.TasksRunning, before.TasksCompleted), (after!.State, after.Tasks, after.TasksRunning, after.TasksCompleted));
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task Restart_CompletedPausedAndRunningTasks_KeepTheirStates()
    {
        await using var silo = await SiloFixture.StartAsync();
        await RegisterOneNodeAsync(silo, roomCelsius: 19.0);
        var scheduler = silo.Host.GetGrain<ISchedulerGrain>(SiloGrains.SchedulerKey);
        await silo.Host.GetGrain<IJobGrain>("job-1").Submit(Spec(tasks: 3));
        await scheduler.RunRound();
        var started = Assert.Single(silo.Commands).Start.Select(s => s.TaskId).ToArray();
        Assert.Equal(3, started.Length);
        var at = SiloFixture.Start.AddMinutes(10);
        await scheduler.ReportTaskEvents(
        [
            new TaskEvent(started[0], "n1", TaskEventKind.Completed, new CoreSeconds(1800), at),
            new TaskEvent(started[1], "n1", TaskEventKind.Checkpointed, new CoreSeconds(600), at),
            new TaskEvent(started[1], "n1", TaskEventKind.Paused, new CoreSeconds(600), at),
            new TaskEvent(started[2], "n1", TaskEventKind.Checkpointed, new CoreSeconds(300), at),
        ]);
        var before = await silo.Host.GetGrain<IJobGrain>("job-1").GetStatus();

        await silo.RestartAsync();

        var after = await silo.Host.GetGrain<IJobGrain>("job-1").GetStatus();
        Assert.Equal((1, 1), (before!.TasksCompleted, before.TasksRunning));
        Assert.Equal((before.TasksCompleted, before.TasksRunning, before.Done), (after!.TasksCompleted, after.TasksRunning, after.Done));
        Assert.Equal(1, (await silo.Host.GetGrain<ISchedulerGrain>(SiloGrains.SchedulerKey).GetStatus()).TasksWaiting);
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task CancelJob_RunningJob_StaysCancelledAcrossARestartAndTheNodeIsToldToStop()
    {
        await using var silo = await SiloFixture.StartAsync();
        await RegisterOneNodeAsync(silo, roomCelsius: 19.0);
        var scheduler = silo.Host.GetGrain<ISchedulerGrain>(SiloGrains.SchedulerKey);
        await silo.Host.GetGrain<IJobGrain>("job-1").Submit(Spec(tasks: 2));
        await scheduler.RunRound();
        var started = Assert.Single(silo.Commands).Start.Select(s => s.TaskId).ToArray();
        Assert.NotEmpty(started);

        Assert.True((await scheduler.CancelJob("job-1")).Applied);
        Assert.False((await scheduler.CancelJob("job-1")).Applied);
        Assert.False((await scheduler.CancelJob("no-such-job")).Applied);
        await silo.RestartAsync();

        var status = await silo.Host.GetGrain<IJobGrain>("job-1").GetStatus();
        Assert.True(status!.Cancelled);
        Assert.Equal(GreenCompute.Core.Work.JobState.Failed, status.State);
        silo.Commands.Clear();
        await silo.Host.GetGrain<ISchedulerGrain>(SiloGrains.SchedulerKey).RunRound();
        Assert.Equal(started.Order(), Assert.Single(silo.Commands).Cancel.Order());
        Assert.Equal(0, (await silo.Host.GetGrain<ISchedulerGrain>(SiloGrains.SchedulerKey).GetStatus()).JobsFailed);
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task ReportTaskEvents_NodeGoesSilent_TaskIsRetriedFromItsCheckpoint()
    {
        await using var silo = await SiloFixture.StartAsync();
        await RegisterOneNodeAsync(silo, roomCelsius: 19.0);
        var scheduler = silo.Host.GetGrain<ISchedulerGrain>(SiloGrains.SchedulerKey);
        await silo.Host.GetGrain<IJobGrain>("job-1").Submit(Spec(tasks: 1));
        await scheduler.RunRound();
        var started = Assert.Single(Assert.Single(silo.Commands).Start);
        await scheduler.ReportTaskEvents([new TaskEvent(started.TaskId, "n1", TaskEventKind.Checkpointed, new CoreSeconds(600), SiloFixture.Start.AddMinutes(10))]);

        // The node stops reporting: after OfflineAfter it is offline and its task goes back to the queue.
        silo.Clock.Advance(TimeSpan.FromMinutes(15));
        await scheduler.RunRound();

        var status = await silo.Host.GetGrain<IJobGrain>("job-1").GetStatus();
        Assert.Equal((0, 0), (status!.TasksRunning, status.TasksFailed));
        Assert.Equal(600, status.Done.Value, 6);
        Assert.Equal(HeaterMode.Offline, (await silo.Host.GetGrain<IHeaterNodeGrain>("n1").GetSnapshot()).Mode);
    }

    private static async Task RegisterOneNodeAsync(SiloFixture silo, double roomCelsius)
    {
        var scheduler = silo.Host.GetGrain<ISchedulerGrain>(SiloGrains.SchedulerKey);
        var site = new SiteRegistration("site-1", "Building 1", "DE", 60, ["n1"]);
        await silo.Host.GetGrain<ISiteGrain>("site-1").Register(site);
        await scheduler.RegisterSite(site);
        var node = silo.Host.GetGrain<IHeaterNodeGrain>("n1");
        await node.Register(SiloFixture.Registration("n1"));
        await node.ReportTelemetry(SiloFixture.Telemetry("n1", SiloFixture.Start, 1, roomCelsius, 0, 0));
        var hours = Enumerable.Range(0, 48).ToArray();
        await scheduler.UpdatePrices(new PriceCurve("DE", SiloFixture.Start, TimeSpan.FromHours(1), [.. hours.Select(h => new EurPerMwh(h % 24 is >= 17 and < 20 ? 200 : 40))]));
        await scheduler.UpdateWeather(new OutdoorForecast("site-1", SiloFixture.Start, TimeSpan.FromHours(1), [.. hours.Select(_ => new Celsius(0))]));
    }
}
