using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Topics;

namespace GreenCompute.Mqtt.Client;

/// <summary>
/// The SUBSCRIBE and UNSUBSCRIBE verbs: validation, the request/answer exchange, typed results, and the registry of
/// granted filters that is replayed when a server comes back without the session.
/// </summary>
internal sealed class ClientSubscriptions(ClientSession session, MqttClientOptions options)
{
    private readonly SubscriptionRegistry _registry = new();

    public int Count => _registry.Count;

    public async Task<MqttSubscribeResult> SubscribeAsync(MqttSubscribeOptions subscribe, CancellationToken cancellationToken)
    {
        subscribe.Validate(options.ProtocolVersion);
        var result = await ExchangeAsync(subscribe, cancellationToken).ConfigureAwait(false);
        _registry.Remember(subscribe, result);
        return result;
    }

    public async Task<MqttUnsubscribeResult> UnsubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicFilters);
        if (topicFilters.Count == 0 || topicFilters.Any(f => !TopicFilter.IsValid(f)))
        {
            throw new ArgumentException("UNSUBSCRIBE needs one or more valid topic filters.", nameof(topicFilters));
        }

        var answer = (MqttUnsubAckPacket)await session
            .Request(MqttPacketType.UnsubAck, id => new MqttUnsubscribePacket { PacketIdentifier = id, TopicFilters = topicFilters })
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        _registry.Forget(topicFilters);
        if (options.ProtocolVersion != MqttProtocolVersion.V500)
        {
            return new MqttUnsubscribeResult([.. topicFilters.Select(f => new MqttUnsubscribeResultItem(f, MqttReasonCode.Success))]);
        }

        CheckCount(answer.ReasonCodes.Count, topicFilters.Count, "UNSUBACK");
        return new MqttUnsubscribeResult(
            [.. topicFilters.Select((f, i) => new MqttUnsubscribeResultItem(f, answer.ReasonCodes[i]))], answer.Properties.ReasonString);
    }

    /// <summary>Makes the granted subscriptions again on a connection whose server has no session; failures are logged, not thrown.</summary>
    public async Task ResubscribeAsync(string clientId, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        foreach (var subscribe in _registry.ToResubscribe())
        {
            try
            {
                var result = await ExchangeAsync(subscribe, linked.Token).ConfigureAwait(false);
                _registry.Remember(subscribe, result);
                if (!result.AllGranted)
                {
                    ClientLog.ResubscribeFailed(options.Logger, clientId,
                        string.Join(", ", result.Items.Where(i => !i.IsGranted).Select(i => $"{i.TopicFilter}: {i.ReasonCode}")));
                }
            }
            catch (Exception error) when (error is MqttClientNotConnectedException or MqttProtocolException or ObjectDisposedException
                || (error is OperationCanceledException && timeout.IsCancellationRequested))
            {
                // The registry is intact: the next connection without a session tries again.
                ClientLog.ResubscribeFailed(options.Logger, clientId, error.Message);
                return;
            }
        }
    }

    private static void CheckCount(int codes, int filters, string packet)
    {
        if (codes != filters)
        {
            throw new MqttProtocolException(MqttReasonCode.ProtocolError, $"{packet} has {codes} reason codes for {filters} topic filters.");
        }
    }

    private async Task<MqttSubscribeResult> ExchangeAsync(MqttSubscribeOptions subscribe, CancellationToken cancellationToken)
    {
        var answer = (MqttSubAckPacket)await session.Request(MqttPacketType.SubAck, subscribe.ToPacket)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        CheckCount(answer.ReasonCodes.Count, subscribe.Subscriptions.Count, "SUBACK");
        return new MqttSubscribeResult(
            [.. subscribe.Subscriptions.Select((s, i) => new MqttSubscribeResultItem(s.TopicFilter, answer.ReasonCodes[i]))],
            answer.Properties.ReasonString);
    }
}
