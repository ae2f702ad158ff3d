using System.Threading.Channels;
using GreenCompute.Mqtt.Channel;
using GreenCompute.Mqtt.Packets;
using Microsoft.Extensions.Logging;

namespace GreenCompute.Mqtt.Client;

/// <summary>
/// Hands received messages to the application one at a time, in arrival order, off the read loop (a slow handler must
/// not starve PINGRESP). The acknowledgement (PUBACK, PUBREC) is sent after the handler returns, on the connection the
/// message came from: if that connection is gone, the server resends and QoS 2 deduplication applies.
/// </summary>
internal sealed class ClientDispatcher
{
    private readonly Channel<Delivery> _queue =
        System.Threading.Channels.Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Func<Func<MqttApplicationMessage, CancellationToken, ValueTask>?> _handler;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private long _delivered;

    public ClientDispatcher(Func<Func<MqttApplicationMessage, CancellationToken, ValueTask>?> handler, ILogger logger)
    {
        _handler = handler;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public long Delivered => Interlocked.Read(ref _delivered);

    public void Deliver(MqttApplicationMessage message, MqttPacketChannel source, MqttPacket? acknowledgement) =>
        _queue.Writer.TryWrite(new Delivery(message, source, acknowledgement));

    public async Task StopAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var delivery in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (_handler() is { } handler)
            {
                try
                {
                    await handler(delivery.Message, _stopping.Token).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OperationCanceledException || !_stopping.IsCancellationRequested)
                {
                    // The application's handler failed: the message is still acknowledged [MQTT-4.5.0-1], so say it loudly.
                    ClientLog.HandlerFailed(_logger, delivery.Message.Topic, error);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            Interlocked.Increment(ref _delivered);
            if (delivery.Acknowledgement is { } ack)
            {
                delivery.Source.Send(ack);
            }
        }
    }

    private sealed record Delivery(MqttApplicationMessage Message, MqttPacketChannel Source, MqttPacket? Acknowledgement);
}
