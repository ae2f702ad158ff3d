using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;
using Microsoft.Extensions.Logging;

namespace GreenCompute.EdgeAgent.Outbox;

/// <summary>
/// Publishes the outbox at QoS 1 in order, a window at a time, and deletes each row after its PUBACK. While the broker
/// is away the client holds the window (its pending queue, then resend after reconnect); rows behind it stay on disk.
/// </summary>
internal sealed class OutboxPump(EventOutbox outbox, MqttClient client, TimeProvider time, ILogger logger)
{
    private const int Window = 32;
    private long _delivered;

    /// <summary>Messages the broker acknowledged since start.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Raised after each acknowledged message (tests await it).</summary>
    public event Action? MessageDelivered;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = outbox.Peek(Window);
            if (batch.Count == 0)
            {
                await outbox.WaitForNewAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            // Start the whole window, then settle in order: the broker sees the messages in outbox order.
            var publishes = batch.Select(m => (m, client.PublishAsync(new MqttApplicationMessage
            {
                Topic = m.Topic,
                Payload = m.Payload,
                QualityOfService = MqttQualityOfService.AtLeastOnce,
            }, cancellationToken))).ToList();
            foreach (var (message, publish) in publishes)
            {
                if (!await SettleAsync(message, publish).ConfigureAwait(false))
                {
                    // Not sent (queue full, client closing): keep the row, retry the window after a pause.
                    await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
                    break;
                }
            }
        }
    }

    private async Task<bool> SettleAsync(OutboxMessage message, Task<MqttPublishResult> publish)
    {
        try
        {
            var result = await publish.ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                // The broker refused it (e.g. ACL): resending cannot help, so it leaves the outbox with an error logged.
                AgentLog.OutboxRefused(logger, message.Id, message.Topic, result.ReasonCode.ToString());
            }

            outbox.Remove(message.Id);
            Interlocked.Increment(ref _delivered);
            MessageDelivered?.Invoke();
            return true;
        }
        catch (Exception error) when (error is MqttClientNotConnectedException or MqttPendingQueueFullException or ObjectDisposedException
            or OperationCanceledException)
        {
            AgentLog.OutboxDeferred(logger, message.Id, error.Message);
            return false;
        }
    }
}
