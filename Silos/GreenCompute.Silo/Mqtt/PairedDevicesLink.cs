using System.Collections.Immutable;
using GreenCompute.Actors;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Mqtt.Client;
using GreenCompute.Silo.Simulation;

namespace GreenCompute.Silo.Mqtt;

/// <summary>
/// The simulated agents by direct calls (<see cref="InProcessFleetLink"/>: a fleet of 10,000 needs no 20,000 loopback
/// sockets) while devices outside the fleet, paired into it, use a host's <see cref="SharedBroker"/>: the silo's ingest
/// applies their telemetry and events and their commands go to them over MQTT. The fleet's steps wait only for the
/// fleet (direct calls); the paired devices' messages are never counted towards them.
/// </summary>
internal sealed class PairedDevicesLink : IFleetLink
{
    private readonly InProcessFleetLink _fleet;
    private readonly HashSet<string> _fleetNodes;
    private readonly SharedBroker _broker;
    private readonly FleetCredentials _credentials = new([]);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly RoutingSink _sink;
    private MqttClient? _commandClient;
    private MqttCommandSink? _others;

    public PairedDevicesLink(IGrainFactory grains, IEnumerable<string> fleetNodeIds, SharedBroker broker)
    {
        _fleet = new InProcessFleetLink(grains);
        _fleetNodes = new HashSet<string>(fleetNodeIds, StringComparer.Ordinal);
        _broker = broker;
        _sink = new RoutingSink(this);
        Ingest = new MqttIngest(Options("silo-ingest"), grains);
    }

    public INodeCommandSink Commands => _sink;

    public string Description => $"Agents: in-process (direct grain calls); paired devices over MQTT through the host's broker on {_broker.Host}:{_broker.Port}.";

    /// <summary>Applies the paired devices' messages (the simulated agents' go by direct calls).</summary>
    public MqttIngest Ingest { get; }

    public async Task StartAsync(IReadOnlyList<string> nodeIds, DateTimeOffset now)
    {
        _broker.AddAccounts(_credentials);
        _commandClient = new MqttClient(Options("silo-commands"));
        await _commandClient.ConnectAsync();
        _others = new MqttCommandSink(_commandClient);
        await Ingest.StartAsync();
        await _fleet.StartAsync(nodeIds, now);
    }

    public Task FeedMarketAsync(PriceCurve prices, IReadOnlyList<OutdoorForecast> forecasts) => _fleet.FeedMarketAsync(prices, forecasts);

    public Task<int> ReportTelemetryAsync(IReadOnlyList<NodeTelemetry> reports) => _fleet.ReportTelemetryAsync(reports);

    public Task ReportTaskEventsAsync(ImmutableArray<TaskEvent> events) => _fleet.ReportTaskEventsAsync(events);

    public Task<IReadOnlyList<NodeCommand>> TakeCommandsAsync() => _fleet.TakeCommandsAsync();

    public Task<int> SubmitReceiptsAsync(IReadOnlyList<GreenCompute.Grains.Messaging.ReceiptPayload> receipts) => _fleet.SubmitReceiptsAsync(receipts);

    public async ValueTask DisposeAsync()
    {
        await Ingest.DisposeAsync();
        if (_commandClient is not null)
        {
            if (_commandClient.IsConnected)
            {
                await _commandClient.DisconnectAsync();
            }

            await _commandClient.DisposeAsync();
        }

        await _fleet.DisposeAsync();
    }

    private MqttClientOptions Options(string clientId) => new()
    {
        Host = _broker.Host,
        Port = _broker.Port,
        ClientId = $"{clientId}-{_run}",
        UserName = FleetCredentials.SiloUser,
        Password = _credentials.PasswordOf(FleetCredentials.SiloUser),
    };

    /// <summary>The fleet's commands to its simulated agents (taken each step); any other node's straight to its device over MQTT.</summary>
    private sealed class RoutingSink(PairedDevicesLink link) : INodeCommandSink
    {
        public Task SendAsync(NodeCommand command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            return link._fleetNodes.Contains(command.NodeId)
                ? link._fleet.Commands.SendAsync(command, cancellationToken)
                : (link._others ?? throw new InvalidOperationException("A command was sent before the link started.")).SendAsync(command, cancellationToken);
        }
    }
}
