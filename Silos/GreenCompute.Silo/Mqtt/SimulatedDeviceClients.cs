using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Nodes;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Silo.Mqtt;

/// <summary>
/// The simulated agents' MQTT side: one client per node, user name = node id with its own password (so the broker's
/// device ACL applies), a retained online status with a last will of offline, a QoS 1 subscription to its own command
/// topic. Arriving commands are validated as a device would and kept per node in arrival order until taken.
/// </summary>
internal sealed class SimulatedDeviceClients(Func<string, MqttClientOptions> options) : IAsyncDisposable
{
    private readonly Dictionary<string, MqttClient> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<NodeCommand>> _received = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Lock _lock = new();
    private readonly IngestProgress _arrived = new();
    private long _rejected;

    /// <summary>Commands that arrived (valid or not).</summary>
    public long Arrived => _arrived.Processed;

    /// <summary>Commands a device refused as invalid.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    public Task WhenArrived(long count) => _arrived.WhenProcessed(count);

    public async Task ConnectAllAsync(IReadOnlyList<string> nodeIds, DateTimeOffset now)
    {
        foreach (var nodeId in nodeIds)
        {
            var clientOptions = options(nodeId);
            clientOptions.Will = new MqttWillMessage
            {
                Topic = Topics.Status(nodeId),
                Payload = PayloadCodec.Write(PayloadMapper.Offline(nodeId, "connection lost (last will)"), PayloadJsonContext.Default.StatusPayload),
                QualityOfService = MqttQualityOfService.AtLeastOnce,
                Retain = true,
            };
            var client = new MqttClient(clientOptions);
            client.MessageHandler = (message, _) => OnCommand(nodeId, message);
            _clients[nodeId] = client;
            _order.Add(nodeId);
            _received[nodeId] = [];
            await client.ConnectAsync();
            var subscribed = await client.SubscribeAsync(Topics.Commands(nodeId), MqttQualityOfService.AtLeastOnce);
            if (subscribed.Items.Any(i => !i.IsGranted))
            {
                throw new InvalidOperationException($"The broker refused node {nodeId} its command topic: {subscribed.Items[0].ReasonCode}.");
            }
        }

        await Task.WhenAll(nodeIds.Select(id => PublishAsync(id, Topics.Status(id),
            PayloadCodec.Write(PayloadMapper.Online(id, now), PayloadJsonContext.Default.StatusPayload), retain: true)));
    }

    /// <summary>Publishes at QoS 1 from the node's own client; completes when the broker acknowledged it.</summary>
    public async Task PublishAsync(string nodeId, string topic, byte[] payload, bool retain = false)
    {
        var result = await _clients[nodeId].PublishAsync(new MqttApplicationMessage
        {
            Topic = topic,
            Payload = payload,
            QualityOfService = MqttQualityOfService.AtLeastOnce,
            Retain = retain,
        });
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"The broker refused {topic} from node {nodeId}: {result.ReasonCode}.");
        }
    }

    /// <summary>Every command received and not yet taken: nodes in connection order, each node's in arrival order.</summary>
    public IReadOnlyList<NodeCommand> Take()
    {
        lock (_lock)
        {
            var taken = new List<NodeCommand>();
            foreach (var nodeId in _order)
            {
                taken.AddRange(_received[nodeId]);
                _received[nodeId].Clear();
            }

            return taken;
        }
    }

    /// <summary>Normal disconnects (no will); the retained online status is the owner's to clear.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync();
            }

            await client.DisposeAsync();
        }
    }

    private ValueTask OnCommand(string nodeId, MqttApplicationMessage message)
    {
        try
        {
            if (PayloadCodec.TryRead(message.Payload.Span, PayloadJsonContext.Default.CommandPayload, out var payload, out _)
                && PayloadValidator.Command(payload, nodeId) is { IsValid: true } valid)
            {
                lock (_lock)
                {
                    _received[nodeId].Add(valid.Value!);
                }
            }
            else
            {
                Interlocked.Increment(ref _rejected);
            }
        }
        finally
        {
            _arrived.Increment();
        }

        return ValueTask.CompletedTask;
    }
}
