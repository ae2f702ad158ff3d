using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Nodes;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GreenCompute.Silo.Mqtt;

/// <summary>
/// Node commands to gc/v1/nodes/{id}/commands at QoS 1 (DESIGN.md data flow 3). <see cref="SendAsync"/> hands the
/// message to the client and returns at once, so a grain's turn never waits on the network (the client queues while
/// offline); the outcome is counted and a failure logged. <see cref="FlushAsync"/> waits for every publish so far.
/// </summary>
internal sealed class MqttCommandSink(MqttClient client, ILogger? logger = null) : INodeCommandSink
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly Lock _lock = new();
    private readonly List<Task> _inFlight = [];
    private long _sent;
    private long _failed;

    /// <summary>Commands the broker acknowledged.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Commands refused by the broker or that could not be queued.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public Task SendAsync(NodeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var message = new MqttApplicationMessage
        {
            Topic = Topics.Commands(command.NodeId),
            Payload = PayloadCodec.Write(PayloadMapper.ToPayload(command), PayloadJsonContext.Default.CommandPayload),
            QualityOfService = MqttQualityOfService.AtLeastOnce,
        };
        var publish = PublishAsync(command.NodeId, message);
        lock (_lock)
        {
            _inFlight.RemoveAll(t => t.IsCompleted);
            _inFlight.Add(publish);
        }

        return Task.CompletedTask;
    }

    /// <summary>Completes when every command sent so far has been acknowledged or has failed.</summary>
    public Task FlushAsync()
    {
        lock (_lock)
        {
            return Task.WhenAll(_inFlight);
        }
    }

    private async Task PublishAsync(string nodeId, MqttApplicationMessage message)
    {
        try
        {
            var result = await client.PublishAsync(message);
            if (result.IsSuccess)
            {
                Interlocked.Increment(ref _sent);
                return;
            }

            Interlocked.Increment(ref _failed);
            IngestLog.CommandRefused(_logger, nodeId, result.ReasonCode.ToString());
        }
        catch (Exception error) when (error is MqttClientNotConnectedException or MqttPendingQueueFullException or ObjectDisposedException
            or OperationCanceledException)
        {
            Interlocked.Increment(ref _failed);
            IngestLog.CommandFailed(_logger, nodeId, error);
        }
    }
}
