using GreenCompute.EdgeAgent.Tests.Fixtures;
using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.EdgeAgent.Tests.Agent;

/// <summary>
/// The agent runs at most the cores its power cap pays for (16-core heater, 80 W idle, 1,000 W max: 130 W pays for one
/// core, 190 W for two), earliest deadline first; real child processes, manual clock.
/// </summary>
public sealed class CoreLimitTests : IDisposable
{
    private const double OneCore = 130;
    private const double TwoCores = 190;

    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    private static TaskStartPayload Start(string taskId, string workload, double coreSeconds, int deadlineHours) =>
        AgentFixture.Start(taskId, workload, coreSeconds) with { Deadline = AgentFixture.StartTime.AddHours(deadlineHours) };

    private static Task WaitForDetailAsync(AgentFixture agent, string taskId, string detailStart) =>
        agent.Seen.WaitAsync(_ => agent.TaskEvents().Any(e => e.TaskId == taskId && e.Detail?.StartsWith(detailStart, StringComparison.Ordinal) == true),
            $"task {taskId} '{detailStart}'");

    private static int IndexOf(AgentFixture agent, string taskId, Func<TaskEventPayload, bool> match) =>
        agent.TaskEvents().ToList().FindIndex(e => e.TaskId == taskId && match(e));

    [Fact]
    public async Task MoreTasksThanCores_EarliestDeadlinesRun_TheLatestWaitsUntilACoreFrees()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var agent = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_state.Path));

        await agent.SendAsync(AgentFixture.Command(TwoCores, start:
        [
            Start("job-1/late", "prime-count", 2.4999975, deadlineHours: 5),
            Start("job-1/early", "cpu-burn", 1000, deadlineHours: 1),
            Start("job-1/mid", "prime-count", 2.4999975, deadlineHours: 3),
        ]));

        await WaitForDetailAsync(agent, "job-1/late", "queued");
        await agent.WaitForEventAsync("job-1/late", TaskEventKind.Completed);
        var midCompleted = IndexOf(agent, "job-1/mid", e => e.Kind == "completed");
        var lateStarted = IndexOf(agent, "job-1/late", e => e.Detail == "started");
        Assert.True(midCompleted >= 0 && lateStarted > midCompleted, "the late task started before the mid one freed its core");
        Assert.True(IndexOf(agent, "job-1/early", e => e.Detail == "started") >= 0);
        Assert.Equal(["job-1/early"], agent.Agent.Tasks.RunningTaskIds);
        Assert.Empty(agent.Agent.Tasks.QueuedTaskIds);
        Assert.DoesNotContain(agent.TaskEvents(), e => e.TaskId != "job-1/late" && e.Detail?.StartsWith("queued", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task CapRises_TheQueuedTaskStarts()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var agent = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_state.Path));

        await agent.SendAsync(AgentFixture.Command(OneCore, start:
            [Start("job-1/b", "cpu-burn", 1000, deadlineHours: 2), Start("job-1/a", "cpu-burn", 1000, deadlineHours: 1)]));
        await WaitForDetailAsync(agent, "job-1/b", "queued");
        await WaitForDetailAsync(agent, "job-1/a", "started");
        Assert.Equal(["job-1/a"], agent.Agent.Tasks.RunningTaskIds);
        Assert.Equal(["job-1/b"], agent.Agent.Tasks.QueuedTaskIds);
        Assert.Equal(1, agent.Agent.Tasks.CoreLimit);

        await agent.SendAsync(AgentFixture.Command(1000));
        await WaitForDetailAsync(agent, "job-1/b", "started");

        Assert.Equal(["job-1/a", "job-1/b"], agent.Agent.Tasks.RunningTaskIds);
        Assert.Empty(agent.Agent.Tasks.QueuedTaskIds);
    }

    [Fact]
    public async Task CapDrops_TheLaterDeadlineLeavesAtACheckpoint_AndResumesWhenTheCapRises()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var agent = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_state.Path));
        await agent.SendAsync(AgentFixture.Command(1000, start:
            [Start("job-1/a", "cpu-burn", 1000, deadlineHours: 1), Start("job-1/b", "cpu-burn", 1000, deadlineHours: 2)]));
        await WaitForDetailAsync(agent, "job-1/a", "started");
        await WaitForDetailAsync(agent, "job-1/b", "started");

        await agent.SendAsync(AgentFixture.Command(OneCore));
        await WaitForDetailAsync(agent, "job-1/b", "queued");

        Assert.Equal(["job-1/a"], agent.Agent.Tasks.RunningTaskIds);
        Assert.Equal(["job-1/b"], agent.Agent.Tasks.QueuedTaskIds);
        var checkpoint = await agent.WaitForEventAsync("job-1/b", TaskEventKind.Checkpointed);
        var queued = agent.TaskEvents().Single(e => e.TaskId == "job-1/b" && e.Detail?.StartsWith("queued", StringComparison.Ordinal) == true);
        Assert.Equal(checkpoint.DoneCoreSeconds, queued.DoneCoreSeconds);
        Assert.DoesNotContain(agent.TaskEvents(), e => e.Kind == "paused");

        await agent.SendAsync(AgentFixture.Command(1000));
        await WaitForDetailAsync(agent, "job-1/b", "resumed");
        Assert.Equal(["job-1/a", "job-1/b"], agent.Agent.Tasks.RunningTaskIds);
    }

    [Fact]
    public async Task QueuedTask_SurvivesAnAgentRestart_AndGetsACore()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using (var first = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_state.Path)))
        {
            await first.SendAsync(AgentFixture.Command(OneCore, start:
                [Start("job-1/a", "cpu-burn", 1000, deadlineHours: 1), Start("job-1/b", "cpu-burn", 1000, deadlineHours: 2)]));
            await WaitForDetailAsync(first, "job-1/b", "queued");
            await WaitForDetailAsync(first, "job-1/a", "started");
        }

        // The cap is not stored: until the silo's next command the agent runs as at full cap, so both get a core.
        await using var second = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_state.Path));
        await WaitForDetailAsync(second, "job-1/a", "resumed");
        await WaitForDetailAsync(second, "job-1/b", "resumed");
        Assert.Equal(["job-1/a", "job-1/b"], second.Agent.Tasks.RunningTaskIds);
        Assert.Empty(second.Agent.Tasks.QueuedTaskIds);
    }

    [Fact]
    public async Task QueuedTask_CancelledOrPaused_NeverStarts()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var agent = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_state.Path));
        await agent.SendAsync(AgentFixture.Command(OneCore, start:
            [Start("job-1/a", "cpu-burn", 1000, 1), Start("job-1/b", "cpu-burn", 1000, 2), Start("job-1/c", "cpu-burn", 1000, 3)]));
        await WaitForDetailAsync(agent, "job-1/c", "queued");
        await WaitForDetailAsync(agent, "job-1/a", "started");

        await agent.SendAsync(AgentFixture.Command(OneCore, cancel: ["job-1/b"], pause: ["job-1/c"]));
        await agent.WaitForEventAsync("job-1/b", TaskEventKind.Cancelled);
        await agent.WaitForEventAsync("job-1/c", TaskEventKind.Paused);

        Assert.Empty(agent.Agent.Tasks.QueuedTaskIds);
        Assert.Equal(["job-1/a"], agent.Agent.Tasks.RunningTaskIds);
        Assert.DoesNotContain(agent.TaskEvents(), e => e.TaskId is "job-1/b" or "job-1/c" && e.Detail == "started");
    }
}
