using System.Collections.Immutable;
using GreenCompute.Actors;
using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Mqtt.Broker;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Silo.Simulation;

namespace GreenCompute.Silo.Mqtt;

/// <summary>
/// The MQTT path of the one-process run (the default): an embedded broker on a free loopback port with per-device
/// credentials and the device ACL (or a host's <see cref="SharedBroker"/> it joins, or an external broker such as
/// Mosquitto), the simulated agents as real MQTT clients,
/// the market feeder publishing retained prices and weather, <see cref="MqttIngest"/> routing everything to the grains
/// and <see cref="MqttCommandSink"/> carrying commands back. Each call waits until the silo (or the devices) have
/// processed exactly what was published, counted per topic kind: no sleeps, and the run stays deterministic. Devices
/// outside the simulated fleet (paired into it) may share the broker: the ingest applies their messages but does not
/// count them towards the fleet's steps, and their commands go straight to them, uncounted.
/// </summary>
internal sealed class MqttFleetLink : IFleetLink
{
    /// <summary>Longest wait for one step's messages; only a broken broker or a lost message reaches it.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    private readonly Uri? _external;
    private readonly SharedBroker? _shared;
    private readonly IGrainFactory _grains;
    private readonly FleetCredentials _credentials;
    private readonly HashSet<string> _fleet;
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _retainedTopics = [];
    private MqttBroker? _broker;
    private MqttIngest? _ingest;
    private MqttClient? _commandClient;
    private MqttClient? _feederClient;
    private MqttCommandSink? _sink;
    private MqttCommandSink? _othersSink;
    private SimulatedDeviceClients? _devices;
    private SentCommandCounter? _counter;
    private int _port;

    /// <summary>With <paramref name="shared"/> the link joins a broker its host runs (<see cref="SharedBroker"/>); else it starts its own, or uses <paramref name="externalBroker"/>.</summary>
    public MqttFleetLink(Uri? externalBroker, IGrainFactory grains, IEnumerable<string> nodeIds, SharedBroker? shared = null)
    {
        if (externalBroker is not null && shared is not null)
        {
            throw new ArgumentException("An external broker and a shared embedded broker exclude each other.", nameof(shared));
        }

        _external = externalBroker;
        _shared = shared;
        _grains = grains;
        _fleet = new HashSet<string>(nodeIds, StringComparer.Ordinal);
        _credentials = new FleetCredentials(_fleet);
        _lazySink = new LazySink(this);
    }

    private readonly LazySink _lazySink;

    public INodeCommandSink Commands => _lazySink;

    public string Description => _external is not null
        ? $"Agents: MQTT through the external broker at {Host}:{_port}."
        : $"Agents: MQTT over loopback through the {(_shared is null ? "" : "host's shared ")}embedded broker on {Host}:{_port} (per-device credentials, device ACL).";

    /// <summary>The port the agents and the silo's clients use.</summary>
    public int Port => _port;

    /// <summary>True when this link started its own broker (neither shared nor external).</summary>
    public bool OwnsBroker => _broker is not null;

    /// <summary>A simulated device's or service user's password (tests sign in as them).</summary>
    internal string PasswordOf(string userName) => _credentials.PasswordOf(userName);

    public MqttIngest Ingest => _ingest ?? throw new InvalidOperationException("The link is not started.");

    public SimulatedDeviceClients Devices => _devices ?? throw new InvalidOperationException("The link is not started.");

    /// <summary>Commands the broker refused or that could not be published.</summary>
    public long CommandsFailed => _sink?.Failed ?? 0;

    private string Host => _external?.Host ?? _shared?.Host ?? "127.0.0.1";

    /// <summary>The embedded broker's settings for a fleet of <paramref name="nodes"/>, with the device ACL for every account but the silo's service users.</summary>
    public static MqttBrokerOptions BrokerOptions(string host, int port, int nodes, IMqttBrokerAuthenticator authenticator) => new()
    {
        ListenAddress = host,
        Port = port,
        Authenticator = authenticator,
        Authorizer = new MqttDeviceAcl(FleetCredentials.ServiceUsers),
        // The whole fleet reports in one burst each step; the silo must not drop any of it.
        MaximumQueuedMessagesPerSession = Math.Max(10_000, nodes * 4),
    };

    public async Task StartAsync(IReadOnlyList<string> nodeIds, DateTimeOffset now)
    {
        if (_shared is not null)
        {
            _shared.AddAccounts(_credentials);
            _port = _shared.Port;
        }
        else if (_external is null)
        {
            _broker = new MqttBroker(BrokerOptions(Host, 0, nodeIds.Count, _credentials));
            await _broker.StartAsync();
            _port = _broker.Port;
        }
        else
        {
            _port = _external.Port > 0 ? _external.Port : 1883;
        }

        _feederClient = new MqttClient(Options(FleetCredentials.FeederUser, "feeder"));
        await _feederClient.ConnectAsync();
        _retainedTopics.AddRange(nodeIds.Select(Topics.Status));
        if (_external is not null)
        {
            // A broker that outlives runs may hold an earlier run's retained statuses and feeds for these topics.
            await ClearRetainedAsync();
        }

        _commandClient = new MqttClient(Options(FleetCredentials.SiloUser, "silo-commands"));
        await _commandClient.ConnectAsync();
        _sink = new MqttCommandSink(_commandClient);
        _othersSink = new MqttCommandSink(_commandClient);
        _counter = new SentCommandCounter(_sink);
        // Devices paired into the fleet share the broker: their messages are applied, but a step waits only for the fleet's.
        _ingest = new MqttIngest(Options(FleetCredentials.SiloUser, "silo-ingest"), _grains) { CountsNode = _fleet.Contains };
        await _ingest.StartAsync();
        _devices = new SimulatedDeviceClients(nodeId => Options(nodeId, $"agent-{nodeId}"));
        await _devices.ConnectAllAsync(nodeIds, now);
        await WaitAsync(_ingest.WhenProcessed(TopicKind.Status, nodeIds.Count), $"the ingest to apply {nodeIds.Count} online statuses");
    }

    public async Task FeedMarketAsync(PriceCurve prices, IReadOnlyList<OutdoorForecast> forecasts)
    {
        var feeder = new MarketFeeder(_feederClient!);
        var pricesTarget = Ingest.ProcessedOf(TopicKind.Prices) + 1;
        var weatherTarget = Ingest.ProcessedOf(TopicKind.Weather) + forecasts.Count;
        Remember(Topics.Prices(prices.Zone));
        await feeder.PublishPricesAsync(prices);
        foreach (var forecast in forecasts)
        {
            Remember(Topics.Weather(forecast.SiteId));
            await feeder.PublishWeatherAsync(forecast);
        }

        await WaitAsync(Task.WhenAll(Ingest.WhenProcessed(TopicKind.Prices, pricesTarget), Ingest.WhenProcessed(TopicKind.Weather, weatherTarget)),
            "the ingest to apply the price curve and the forecasts");
    }

    public async Task<int> ReportTelemetryAsync(IReadOnlyList<NodeTelemetry> reports)
    {
        var target = Ingest.ProcessedOf(TopicKind.Telemetry) + reports.Count;
        var rejectedBefore = Ingest.RejectedOf(TopicKind.Telemetry);
        await Task.WhenAll(reports.Select(t => Devices.PublishAsync(t.NodeId, Topics.Telemetry(t.NodeId),
            PayloadCodec.Write(PayloadMapper.ToPayload(t), PayloadJsonContext.Default.TelemetryPayload))));
        await WaitAsync(Ingest.WhenProcessed(TopicKind.Telemetry, target), $"the ingest to apply telemetry report #{target}");
        return (int)(Ingest.RejectedOf(TopicKind.Telemetry) - rejectedBefore);
    }

    public async Task ReportTaskEventsAsync(ImmutableArray<TaskEvent> events)
    {
        var target = Ingest.ProcessedOf(TopicKind.Events) + events.Length;
        // Each node's events leave its client in order (one QoS 1 flow per client keeps their order on the broker).
        await Task.WhenAll(events.GroupBy(e => e.NodeId).Select(async node =>
        {
            foreach (var e in node)
            {
                await Devices.PublishAsync(e.NodeId, Topics.Events(e.NodeId), PayloadCodec.Write(PayloadMapper.ToPayload(e), PayloadJsonContext.Default.TaskEventPayload));
            }
        }));
        await WaitAsync(Ingest.WhenProcessed(TopicKind.Events, target), $"the ingest to apply task event #{target}");
    }

    public async Task<int> SubmitReceiptsAsync(IReadOnlyList<ReceiptPayload> receipts)
    {
        var target = Ingest.ProcessedOf(TopicKind.Events) + receipts.Count;
        var rejectedBefore = Ingest.RejectedOf(TopicKind.Events);
        // Receipts share the events topic with task events; each node's leave its client in order, like its task events.
        await Task.WhenAll(receipts.GroupBy(r => r.NodeId!).Select(async node =>
        {
            foreach (var r in node)
            {
                await Devices.PublishAsync(node.Key, Topics.Events(node.Key), PayloadCodec.Write(r, PayloadJsonContext.Default.ReceiptPayload));
            }
        }));
        await WaitAsync(Ingest.WhenProcessed(TopicKind.Events, target), $"the ingest to apply receipt #{target} on the events topics");
        return (int)(Ingest.RejectedOf(TopicKind.Events) - rejectedBefore);
    }

    public async Task<IReadOnlyList<NodeCommand>> TakeCommandsAsync()
    {
        await _sink!.FlushAsync();
        var target = _counter!.Requested - _sink.Failed;
        await WaitAsync(Devices.WhenArrived(target), $"the devices to receive command #{target}");
        return Devices.Take();
    }

    public async ValueTask DisposeAsync()
    {
        if (_ingest is not null)
        {
            await _ingest.DisposeAsync();
        }

        if (_devices is not null)
        {
            await _devices.DisposeAsync();
        }

        if (_feederClient is { IsConnected: true } && _external is not null)
        {
            // Leave an external broker as we found it: no retained online statuses or feeds of a finished run.
            await ClearRetainedAsync();
        }

        foreach (var client in new[] { _commandClient, _feederClient })
        {
            if (client is null)
            {
                continue;
            }

            if (client.IsConnected)
            {
                await client.DisconnectAsync();
            }

            await client.DisposeAsync();
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }

    private void Remember(string topic)
    {
        if (!_retainedTopics.Contains(topic))
        {
            _retainedTopics.Add(topic);
        }
    }

    private async Task ClearRetainedAsync()
    {
        // A zero-length retained message deletes the retained message of its topic (MQTT 3.3.1.3).
        await Task.WhenAll(_retainedTopics.Select(topic => _feederClient!.PublishAsync(new MqttApplicationMessage
        {
            Topic = topic,
            QualityOfService = MqttQualityOfService.AtLeastOnce,
            Retain = true,
        })));
    }

    private static async Task WaitAsync(Task task, string what)
    {
        try
        {
            await task.WaitAsync(StepTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {StepTimeout.TotalSeconds} s waiting for {what}: a message was lost or the broker stalled.");
        }
    }

    private MqttClientOptions Options(string userName, string clientId) => new()
    {
        Host = Host,
        Port = _port,
        ClientId = $"{clientId}-{_run}",
        UserName = userName,
        Password = _credentials.PasswordOf(userName),
        // The whole fleet's burst may be in flight towards the silo at once.
        PendingQueueCapacity = 100_000,
    };

    /// <summary>
    /// The grains get their sink before the link connects (the grain host is built first). Only the simulated fleet's
    /// commands are counted as due at its devices; a command for any other node (a real device paired into a simulated
    /// building, on the same broker) is published to it directly and not counted: counting it would make every step
    /// wait for an arrival at the simulated devices that can never come.
    /// </summary>
    private sealed class LazySink(MqttFleetLink link) : INodeCommandSink
    {
        public Task SendAsync(NodeCommand command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            if (!link._fleet.Contains(command.NodeId))
            {
                return (link._othersSink ?? throw new InvalidOperationException("A command was sent before the MQTT link started.")).SendAsync(command, cancellationToken);
            }

            return (link._counter ?? throw new InvalidOperationException("A command was sent before the MQTT link started.")).SendAsync(command, cancellationToken);
        }
    }
}
