using System.Collections.Concurrent;
using GreenCompute.Actors;
using GreenCompute.Core.Time;
using GreenCompute.Grains;
using GreenCompute.Grains.Ledger;
using GreenCompute.Grains.Ledger.Chain;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Mqtt.Broker;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Silo.Mqtt;
using GreenCompute.Silo.Tests.Grains;
using Microsoft.Extensions.Logging;

namespace GreenCompute.Silo.Tests.Mqtt;

/// <summary>
/// An embedded broker on a free loopback port with the device ACL, a grain host (in-memory storage, manual clock) whose
/// commands go out through <see cref="MqttCommandSink"/>, the ledger grains (journal, no timer, default receipt domain),
/// and the ingest connected as the "silo" service account.
/// </summary>
internal sealed class IngestFixture : IAsyncDisposable
{
    public const string ServiceUser = "silo";
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly List<MqttClient> _clients = [];
    private readonly string _journal = Path.Combine(Path.GetTempPath(), $"gc-ingest-journal-{Guid.NewGuid():N}.jsonl");

    private IngestFixture(MqttBroker broker, GrainHost host, InMemoryGrainStorage storage, ManualTimeProvider clock, ConcurrentQueue<GrainHostError> errors)
    {
        Errors = errors;
        Broker = broker;
        Host = host;
        Storage = storage;
        Clock = clock;
    }

    public MqttBroker Broker { get; }
    public GrainHost Host { get; }
    public InMemoryGrainStorage Storage { get; }
    public ManualTimeProvider Clock { get; }
    public MqttIngest Ingest { get; private set; } = null!;
    public MqttCommandSink Commands { get; private set; } = null!;
    public ConcurrentQueue<GrainHostError> Errors { get; }
    public ErrorLogger Log { get; } = new();

    public static async Task<IngestFixture> StartAsync()
    {
        var broker = new MqttBroker(new MqttBrokerOptions { Port = 0, Authorizer = new MqttDeviceAcl([ServiceUser]) });
        await broker.StartAsync();
        var clock = new ManualTimeProvider(SiloFixture.Start);
        var storage = new InMemoryGrainStorage();
        var errors = new ConcurrentQueue<GrainHostError>();
        var host = new GrainHost(storage, clock, new GrainHostOptions { CallTimeout = Timeout.InfiniteTimeSpan }, errors.Enqueue);
        var fixture = new IngestFixture(broker, host, storage, clock, errors);
        await fixture.WireAsync();
        return fixture;
    }

    /// <summary>A connected client; <paramref name="userName"/> is the node id for a device, or <see cref="ServiceUser"/>.</summary>
    public async Task<MqttClient> ConnectAsync(string userName, Func<MqttApplicationMessage, CancellationToken, ValueTask>? handler = null)
    {
        var client = new MqttClient(Options(userName));
        client.MessageHandler = handler;
        _clients.Add(client);
        await client.ConnectAsync().WaitAsync(Wait);
        return client;
    }

    public async Task RegisterAsync(string nodeId) =>
        await Host.GetGrain<IHeaterNodeGrain>(nodeId).Register(SiloFixture.Registration(nodeId));

    /// <summary>Publishes at QoS 1 from <paramref name="device"/> and waits until the ingest has processed one more message.</summary>
    public async Task PublishAndWaitAsync(MqttClient device, string topic, string json, bool retain = false)
    {
        var target = Ingest.Processed + 1;
        var result = await device.PublishAsync(topic, json, MqttQualityOfService.AtLeastOnce, retain).WaitAsync(Wait);
        Assert.True(result.IsSuccess, $"publish to {topic} was {result.Status} {result.ReasonCode}");
        await Within(Ingest.WhenProcessed(target), $"the ingest to process message #{target} on {topic}");
    }

    public static async Task Within(Task task, string what)
    {
        try
        {
            await task.WaitAsync(Wait);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {Wait.TotalSeconds} s waiting for {what}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Ingest.DisposeAsync();
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await Host.StopAsync(CancellationToken.None);
        await Host.DisposeAsync();
        await Broker.DisposeAsync();
        File.Delete(_journal);
    }

    private async Task WireAsync()
    {
        var commandClient = await ConnectAsync(ServiceUser);
        Commands = new MqttCommandSink(commandClient, Log);
        SiloGrains.AddTo(Host, Commands, new NodeOptions(), new SchedulerOptions { AutoPlan = false });
        LedgerGrains.AddTo(Host, new JournalChainCommitter(_journal, Clock), new LedgerOptions { AutoTick = false });
        await Host.StartAsync(CancellationToken.None);
        Ingest = new MqttIngest(Options(ServiceUser), Host, Log);
        await Ingest.StartAsync().WaitAsync(Wait);
    }

    private MqttClientOptions Options(string userName) => new()
    {
        Port = Broker.Port,
        ClientId = $"{userName}-{Guid.NewGuid():N}",
        UserName = userName,
        AutoReconnect = false,
    };

    /// <summary>Collects errors logged by the system under test (rejections are warnings, kept apart); a test fails on any error.</summary>
    internal sealed class ErrorLogger : ILogger
    {
        public ConcurrentQueue<string> Errors { get; } = new();

        public ConcurrentQueue<string> Warnings { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                Errors.Enqueue($"{formatter(state, exception)} {exception}");
            }
            else if (logLevel == LogLevel.Warning)
            {
                Warnings.Enqueue(formatter(state, exception));
            }
        }
    }
}
