using System.Threading.Channels;
using GreenCompute.Mqtt.Channel;
using GreenCompute.Mqtt.Packets;
using Microsoft.Extensions.Logging;

namespace GreenCompute.Mqtt.Client;

/// <summary>
/// Hands received messages to the application in arrival order, off the read loop (a slow handler must not starve
/// PINGRESP). Handlers are started one at a time; up to <c>concurrency</c> may be unfinished at once (1 = strictly one
/// after the other). Each acknowledgement (PUBACK, PUBREC) is sent after its own handler has finished, in arrival order,
/// on the connection the message came from: if that connection is gone, the server resends and QoS 2 deduplication applies.
/// </summary>
internal sealed class ClientDispatcher
{
    private readonly Channel<Delivery> _queue =
        System.Threading.Channels.Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Func<Func<MqttApplicationMessage, CancellationToken, ValueTask>?> _handler;
    private readonly ILogger _logger;
    private readonly int _concurrency;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Queue<(Delivery Delivery, Task Handled)> _unfinished = new();
    private readonly Task _loop;
    private long _delivered;

    public ClientDispatcher(Func<Func<MqttApplicationMessage, CancellationToken, ValueTask>?> handler, ILogger logger, int concurrency = 1)
    {
        _handler = handler;
        _logger = logger;
        _concurrency = Math.Max(1, concurrency);
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
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var delivery))
            {
                _unfinished.Enqueue((delivery, Start(delivery)));
                // Acknowledge what has finished at the head at once; wait for the oldest only when the window is full.
                while (_unfinished.Count > 0 && (_unfinished.Count >= _concurrency || _unfinished.Peek().Handled.IsCompleted))
                {
                    if (!await FinishOldestAsync().ConfigureAwait(false))
                    {
                        return;
                    }
                }
            }

            // Nothing more right now: finish the rest in order rather than hold their acknowledgements.
            while (_unfinished.Count > 0)
            {
                if (!await FinishOldestAsync().ConfigureAwait(false))
                {
                    return;
                }
            }
        }
    }

    private Task Start(Delivery delivery)
    {
        if (_handler() is not { } handler)
        {
            return Task.CompletedTask;
        }

        try
        {
            var handled = handler(delivery.Message, _stopping.Token);
            return handled.IsCompletedSuccessfully ? Task.CompletedTask : handled.AsTask();
        }
        catch (Exception error)
        {
            return Task.FromException(error);
        }
    }

    /// <returns>False when the client is stopping and the loop must end.</returns>
    private async Task<bool> FinishOldestAsync()
    {
        var (delivery, handled) = _unfinished.Dequeue();
        try
        {
            await handled.ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            // The application's handler failed: the message is still acknowledged [MQTT-4.5.0-1], so say it loudly.
            ClientLog.HandlerFailed(_logger, delivery.Message.Topic, error);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        Interlocked.Increment(ref _delivered);
        if (delivery.Acknowledgement is { } ack)
        {
            delivery.Source.Send(ack);
        }

        return true;
    }

    // A struct: one of these per received message, and the queues hold it by value.
    private readonly record struct Delivery(MqttApplicationMessage Message, MqttPacketChannel Source, MqttPacket? Acknowledgement);
}
