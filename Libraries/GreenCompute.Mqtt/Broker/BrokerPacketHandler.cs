using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Topics;

namespace GreenCompute.Mqtt.Broker;

/// <summary>
/// What the broker does with each packet after CONNECT, for one connection (it also holds that connection's topic
/// aliases). A packet a client must not send, or breaking a rule the codec leaves to the receiver, throws
/// <see cref="MqttProtocolException"/>: the connection then ends.
/// </summary>
internal sealed class BrokerPacketHandler(MqttBrokerOptions options)
{
    private readonly Dictionary<ushort, string> _topicAliases = [];

    public void Handle(BrokerConnection connection, MqttPacket packet)
    {
        var session = connection.Session!;
        var core = connection.Core;
        var channel = connection.Channel;
        switch (packet)
        {
            case MqttPublishPacket publish:
                Publish(connection, publish);
                break;
            case MqttPubAckPacket pubAck:
                core.WithSession(session, s => s.Complete(pubAck.PacketIdentifier, isPubComp: false));
                break;
            case MqttPubRecPacket pubRec:
                core.WithSession(session, s =>
                {
                    s.Received(pubRec);
                    return true;
                });
                break;
            case MqttPubCompPacket pubComp:
                core.WithSession(session, s => s.Complete(pubComp.PacketIdentifier, isPubComp: true));
                break;
            case MqttPubRelPacket pubRel:
                var known = core.WithSession(session, s => s.ReleaseIncomingQoS2(pubRel.PacketIdentifier));
                channel.Send(new MqttPubCompPacket
                {
                    PacketIdentifier = pubRel.PacketIdentifier,
                    ReasonCode = known || connection.ProtocolVersion != MqttProtocolVersion.V500 ? MqttReasonCode.Success : MqttReasonCode.PacketIdentifierNotFound,
                });
                break;
            case MqttSubscribePacket subscribe:
                Subscribe(connection, subscribe);
                break;
            case MqttUnsubscribePacket unsubscribe:
                var codes = core.Unsubscribe(session, unsubscribe.TopicFilters);
                channel.Send(new MqttUnsubAckPacket
                {
                    PacketIdentifier = unsubscribe.PacketIdentifier,
                    ReasonCodes = connection.ProtocolVersion == MqttProtocolVersion.V500 ? codes : [],
                });
                break;
            case MqttPingReqPacket:
                channel.Send(MqttPingRespPacket.Instance);
                break;
            default:
                throw new MqttProtocolException(MqttReasonCode.ProtocolError, $"A client must not send {packet.Type} here.");
        }
    }

    /// <summary>DISCONNECT: graceful unless 0x04 (publish the will); MQTT 5 may change the session expiry [MQTT-3.14.2-2].</summary>
    public (bool Graceful, uint? NewExpiry) Disconnect(BrokerConnection connection, MqttDisconnectPacket disconnect)
    {
        var newExpiry = disconnect.Properties.SessionExpiryInterval;
        if (newExpiry is > 0 && connection.Session!.ExpiryInterval == 0)
        {
            throw new MqttProtocolException(MqttReasonCode.ProtocolError, "DISCONNECT sets a session expiry after CONNECT had 0.");
        }

        if (newExpiry is { } value && options.MaximumSessionExpiryInterval is { } cap && value > cap)
        {
            newExpiry = cap;
        }

        return (disconnect.ReasonCode != MqttReasonCode.DisconnectWithWillMessage, newExpiry);
    }

    private void Publish(BrokerConnection connection, MqttPublishPacket publish)
    {
        var topic = ResolveTopic(publish);
        if (publish.QualityOfService > options.MaximumQoS)
        {
            throw new MqttProtocolException(MqttReasonCode.QoSNotSupported, $"QoS {(int)publish.QualityOfService} is above the maximum {(int)options.MaximumQoS}.");
        }

        if (publish.Properties.SubscriptionIdentifiers.Count != 0)
        {
            throw new MqttProtocolException(MqttReasonCode.ProtocolError, "A client PUBLISH must not carry a subscription identifier [MQTT-3.3.4-6].");
        }

        var allowed = options.Authorizer?.CanPublish(connection.ClientId, connection.UserName, topic) ?? true;
        if (!allowed)
        {
            BrokerLog.AccessDenied(options.Logger, connection.ClientId, connection.UserName, "publish", topic);
        }

        var isV5 = connection.ProtocolVersion == MqttProtocolVersion.V500;
        var refusal = isV5 && !allowed ? MqttReasonCode.NotAuthorized : MqttReasonCode.Success;
        var message = new BrokerMessage(topic, publish.Payload, publish.QualityOfService, publish.Retain, WithoutAlias(publish.Properties), connection.ClientId);
        var core = connection.Core;
        var id = publish.PacketIdentifier;
        switch (publish.QualityOfService)
        {
            case MqttQualityOfService.AtMostOnce:
                if (allowed)
                {
                    core.Publish(message);
                }

                break;
            case MqttQualityOfService.AtLeastOnce:
                if (allowed)
                {
                    core.Publish(message);
                }

                connection.Channel.Send(new MqttPubAckPacket { PacketIdentifier = id, ReasonCode = refusal });
                break;
            default:
                // A refused QoS 2 message ends its flow at PUBREC (reason 0x87): its identifier is not kept.
                if (allowed && core.WithSession(connection.Session!, s => s.BeginIncomingQoS2(id)))
                {
                    if (isV5 && core.WithSession(connection.Session!, s => s.IncomingQoS2Count) > options.ReceiveMaximum)
                    {
                        throw new MqttProtocolException(MqttReasonCode.ReceiveMaximumExceeded,
                            $"More than {options.ReceiveMaximum} QoS 2 messages are awaiting PUBREL.");
                    }

                    core.Publish(message);
                }

                connection.Channel.Send(new MqttPubRecPacket { PacketIdentifier = id, ReasonCode = refusal });
                break;
        }
    }

    private void Subscribe(BrokerConnection connection, MqttSubscribePacket subscribe)
    {
        var isV5 = connection.ProtocolVersion == MqttProtocolVersion.V500;
        var ids = subscribe.Properties.SubscriptionIdentifiers;
        if (ids.Count > 1 || (ids.Count == 1 && ids[0] == 0))
        {
            throw new MqttProtocolException(MqttReasonCode.ProtocolError, "SUBSCRIBE carries more than one subscription identifier, or 0.");
        }

        uint? subscriptionId = ids.Count == 1 ? ids[0] : null;
        var codes = new MqttReasonCode[subscribe.Subscriptions.Count];
        var accepted = new List<BrokerSubscription>();
        for (var i = 0; i < codes.Length; i++)
        {
            var requested = subscribe.Subscriptions[i];
            var filter = requested.TopicFilter;
            string? share = null;
            if (!TopicFilter.IsValid(filter))
            {
                codes[i] = isV5 ? MqttReasonCode.TopicFilterInvalid : MqttReasonCode.UnspecifiedError;
                continue;
            }

            if (TopicFilter.TryParseShared(filter, out var shareName, out var inner))
            {
                if (requested.NoLocal)
                {
                    throw new MqttProtocolException(MqttReasonCode.ProtocolError, "No Local on a shared subscription [MQTT-3.8.3-4].");
                }

                (share, filter) = (shareName, inner);
            }

            if (options.Authorizer?.CanSubscribe(connection.ClientId, connection.UserName, requested.TopicFilter) == false)
            {
                BrokerLog.AccessDenied(options.Logger, connection.ClientId, connection.UserName, "subscribe", requested.TopicFilter);
                codes[i] = isV5 ? MqttReasonCode.NotAuthorized : MqttReasonCode.UnspecifiedError;
                continue;
            }

            var granted = BrokerCore.Min(requested.MaximumQualityOfService, options.MaximumQoS);
            codes[i] = (MqttReasonCode)granted;
            accepted.Add(new BrokerSubscription(requested with { MaximumQualityOfService = granted }, filter, share, subscriptionId));
        }

        var subAck = new MqttSubAckPacket { PacketIdentifier = subscribe.PacketIdentifier, ReasonCodes = codes };
        connection.Core.Subscribe(connection.Session!, accepted, () => connection.Channel.Send(subAck));
    }

    private string ResolveTopic(MqttPublishPacket publish)
    {
        if (publish.Properties.TopicAlias is not { } alias)
        {
            return publish.Topic;
        }

        if (alias == 0 || alias > options.TopicAliasMaximum)
        {
            throw new MqttProtocolException(MqttReasonCode.TopicAliasInvalid, $"Topic alias {alias} is outside 1..{options.TopicAliasMaximum}.");
        }

        if (publish.Topic.Length > 0)
        {
            _topicAliases[alias] = publish.Topic;
            return publish.Topic;
        }

        return _topicAliases.TryGetValue(alias, out var topic)
            ? topic
            : throw new MqttProtocolException(MqttReasonCode.ProtocolError, $"Topic alias {alias} was never set on this connection.");
    }

    private static MqttProperties WithoutAlias(MqttProperties properties) =>
        properties.TopicAlias is null ? properties : new MqttProperties(properties.Items.Where(p => p.Id != MqttPropertyId.TopicAlias));
}
