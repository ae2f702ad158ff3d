using GreenCompute.EdgeAgent.Tests.Fixtures;
using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.EdgeAgent.Tests.Agent;

/// <summary>The disk-backed outbox against a real Mosquitto: nothing lost across a broker outage or an agent restart.</summary>
public sealed class OutboxTests : IDisposable
{
    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task BrokerOutage_EventsWaitOnDisk_AllArriveAfterTheBrokerReturns()
    {
        await using var mosquitto = await MosquittoServer.StartAsync(persistence: true);
        var (silo, seen) = await PersistentObserverAsync(mosquitto.Port);
        await using var _ = silo;
        await using var agent = await AgentFixture.StartAsync(mosquitto.Port, AgentFixture.Options(_state.Path));

        // A real task finishes while the broker is down.
        var settled = Settled(agent, "job-1/outage");
        await agent.SendAsync(AgentFixture.Command(start: [AgentFixture.Start("job-1/outage", "cpu-burn", 3)]));
        await agent.WaitForEventAsync("job-1/outage", TaskEventKind.Progress);
        await mosquitto.StopAsync();
        Assert.Equal(TaskEventKind.Completed, await settled);
        for (var i = 0; i < 20; i++)
        {
            agent.Agent.Events.Emit($"job-1/e{i}", TaskEventKind.Checkpointed, i);
        }

        // 20 checkpoints + the completion event + its signed receipt.
        Assert.True(agent.Agent.Outbox.Count >= 22, $"events wait in the SQLite outbox during the outage ({agent.Agent.Outbox.Count})");
        await mosquitto.RestartAsync();

        await seen.WaitAsync(m => Ids(m).Contains("job-1/outage:completed") && Enumerable.Range(0, 20).All(i => Ids(m).Contains($"job-1/e{i}:checkpointed")),
            "every event after the broker returned");
        await Within.Until(() => agent.Agent.Outbox.Count == 0, "the outbox to drain");
    }

    [Fact]
    public async Task AgentRestart_WithUndeliveredEvents_DeliversThemFromDisk()
    {
        await using var mosquitto = await MosquittoServer.StartAsync(persistence: true);
        var (silo, seen) = await PersistentObserverAsync(mosquitto.Port);
        await using var _ = silo;
        var first = await AgentFixture.StartAsync(mosquitto.Port, AgentFixture.Options(_state.Path), observe: false);
        await mosquitto.StopAsync();
        for (var i = 0; i < 10; i++)
        {
            first.Agent.Events.Emit($"job-1/r{i}", TaskEventKind.Progress, i);
        }

        await first.DisposeAsync();
        // The ten events (and perhaps the start-up meter reading) are on disk, not delivered.
        var onDisk = new EdgeAgent.Outbox.EventOutbox(new EdgeAgent.State.AgentDatabase(Path.Combine(_state.Path, "agent.db"))).Peek(100);
        Assert.Equal(10, onDisk.Count(m => System.Text.Encoding.UTF8.GetString(m.Payload).Contains("job-1/r", StringComparison.Ordinal)));

        await mosquitto.RestartAsync();
        await using var second = await AgentFixture.StartAsync(mosquitto.Port, AgentFixture.Options(_state.Path), observe: false);
        await seen.WaitAsync(m => Enumerable.Range(0, 10).All(i => Ids(m).Contains($"job-1/r{i}:progress")), "the ten events written before the restart");
        await Within.Until(() => second.Agent.Outbox.Count == 0, "the outbox to drain");
    }

    /// <summary>A silo-like subscriber with a persistent session, so that Mosquitto keeps its QoS 1 messages across the restart.</summary>
    internal static async Task<(MqttClient Client, Inbox Seen)> PersistentObserverAsync(int port)
    {
        var seen = new Inbox();
        var client = new MqttClient(new MqttClientOptions
        {
            Port = port,
            ClientId = "silo-" + Guid.NewGuid().ToString("N")[..8],
            CleanStart = false,
            SessionExpiryInterval = 3600,
            ReconnectDelay = TimeSpan.FromMilliseconds(200),
            MaximumReconnectDelay = TimeSpan.FromSeconds(1),
        })
        { MessageHandler = seen.Handle };
        await client.ConnectAsync();
        await client.SubscribeAsync(Topics.NodesPrefix + "+/events", MqttQualityOfService.AtLeastOnce);
        return (client, seen);
    }

    internal static HashSet<string> Ids(IReadOnlyList<MqttApplicationMessage> messages) =>
        [.. messages.Select(m => PayloadCodec.TryRead(m.Payload.Span, PayloadJsonContext.Default.TaskEventPayload, out var e, out _) ? e : null)
            .OfType<TaskEventPayload>().Where(e => e.TaskId is not null).Select(e => $"{e.TaskId}:{e.Kind}")];

    private static Task<TaskEventKind> Settled(AgentFixture agent, string taskId)
    {
        var done = new TaskCompletionSource<TaskEventKind>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.Agent.Tasks.Settled += (id, kind) =>
        {
            if (id == taskId)
            {
                done.TrySetResult(kind);
            }
        };
        return Within.Async(done.Task, $"task {taskId} to settle", TimeSpan.FromSeconds(60));
    }
}
