using GreenCompute.Core.Time;
using GreenCompute.EdgeAgent.Configuration;
using GreenCompute.EdgeAgent.Content;
using GreenCompute.EdgeAgent.Messaging;
using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.EdgeAgent.Tests.Fixtures;

/// <summary>
/// An agent in process on a manual clock, against a broker on a loopback port, in its own state folder, plus an observer
/// client (the silo's view) subscribed to the node's topics at QoS 1. Fails the test on any error the agent logged.
/// </summary>
internal sealed class AgentFixture : IAsyncDisposable
{
    private AgentFixture(AgentHost agent, ManualTimeProvider time, TestLoggerFactory loggers, MqttClient observer, Inbox seen)
    {
        Agent = agent;
        Time = time;
        Loggers = loggers;
        Observer = observer;
        Seen = seen;
    }

    public const string NodeId = "node-1";

    public AgentHost Agent { get; }

    public ManualTimeProvider Time { get; }

    public TestLoggerFactory Loggers { get; }

    public MqttClient Observer { get; }

    public Inbox Seen { get; }

    public bool AllowErrors { get; set; }

    /// <summary>The agent's clock starts here unless the test passes its own (shared with a silo).</summary>
    public static readonly DateTimeOffset StartTime = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    public static async Task<AgentFixture> StartAsync(int brokerPort, AgentOptions options, IContentClient? content = null, bool observe = true,
        ManualTimeProvider? clock = null)
    {
        var time = clock ?? new ManualTimeProvider(StartTime);
        var loggers = new TestLoggerFactory(new TestLogger());
        var agent = new AgentHost(options with { BrokerPort = brokerPort }, NodeId, new BrokerEndpoint("127.0.0.1", brokerPort, null, null), time,
            loggers, content);
        var seen = new Inbox();
        var observer = new MqttClient(new MqttClientOptions { Port = brokerPort, ClientId = "observer-" + Guid.NewGuid().ToString("N")[..8] })
        {
            MessageHandler = seen.Handle,
        };
        if (observe)
        {
            await observer.ConnectAsync();
            await observer.SubscribeAsync(Topics.NodesPrefix + NodeId + "/#", MqttQualityOfService.AtLeastOnce);
        }

        await agent.StartAsync(CancellationToken.None);
        return new AgentFixture(agent, time, loggers, observer, seen);
    }

    public static AgentOptions Options(string stateFolder) => new()
    {
        StateFolder = stateFolder,
        Sensors = "simulated",
        CgroupRoot = Path.Combine(stateFolder, "no-cgroup"),
        ProgressEvery = TimeSpan.FromDays(1),
    };

    /// <summary>Publishes a command as the silo would (QoS 1 on the node's commands topic).</summary>
    public Task SendAsync(CommandPayload command) => Within.Async(Observer.PublishAsync(new MqttApplicationMessage
    {
        Topic = Topics.Commands(NodeId),
        Payload = PayloadCodec.Write(command, PayloadJsonContext.Default.CommandPayload),
        QualityOfService = MqttQualityOfService.AtLeastOnce,
    }), "the broker to acknowledge the command");

    public static CommandPayload Command(double powerCap = 1000, TaskStartPayload[]? start = null, string[]? pause = null, string[]? cancel = null) =>
        new(PayloadValidator.Version, NodeId, new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), powerCap, "computing", start, pause, cancel,
            "test", 20, 23);

    public static TaskStartPayload Start(string taskId, string workload, double coreSeconds, double checkpointSeconds = 60) =>
        new(taskId, "job-1", workload, 0, coreSeconds, 1, checkpointSeconds);

    /// <summary>Task events the observer received (parsed), in arrival order.</summary>
    public IReadOnlyList<TaskEventPayload> TaskEvents() =>
        [.. Seen.Messages.Where(m => m.Topic == Topics.Events(NodeId))
            .Select(m => PayloadCodec.TryRead(m.Payload.Span, PayloadJsonContext.Default.TaskEventPayload, out var e, out _) ? e : null)
            .OfType<TaskEventPayload>().Where(e => e.Kind is not null)];

    public async Task<TaskEventPayload> WaitForEventAsync(string taskId, TaskEventKind kind, TimeSpan? timeout = null)
    {
        var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
        await Seen.WaitAsync(_ => TaskEvents().Any(e => e.TaskId == taskId && e.Kind == name), $"task {taskId} {name}", timeout);
        return TaskEvents().Last(e => e.TaskId == taskId && e.Kind == name);
    }

    public async ValueTask DisposeAsync()
    {
        // Bounded: a shutdown that never ends fails the test by name instead of hanging the test host.
        await Agent.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60))
            .ContinueWith(t => Assert.True(t.IsCompletedSuccessfully, $"the agent did not shut down: {t.Exception?.InnerException?.Message}"), TaskScheduler.Default);
        await Observer.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60))
            .ContinueWith(t => Assert.True(t.IsCompletedSuccessfully, $"the observer client did not close: {t.Exception?.InnerException?.Message}"), TaskScheduler.Default);
        if (!AllowErrors)
        {
            Loggers.Logger.AssertNoErrors();
        }
    }
}
