using GreenCompute.Mqtt.Channel;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Client;

/// <summary>
/// One live connection after CONNACK: the read loop, routing each packet to the session or the dispatcher, keep alive
/// and the server's topic aliases (which last as long as the connection).
/// </summary>
internal sealed class ClientConnection(
    MqttPacketChannel channel,
    MqttConnectResult result,
    MqttClientOptions options,
    ClientSession session,
    IncomingQoS2Identifiers incoming,
    ClientDispatcher dispatcher)
{
    private readonly Dictionary<ushort, string> _topicAliases = [];
    private string? _closeReason;

    public MqttPacketChannel Channel => channel;

    public MqttConnectResult Result => result;

    /// <summary>Reads until the connection ends and returns why it ended.</summary>
    public async Task<string> RunAsync()
    {
        var keepAlive = result.KeepAliveSeconds == 0
            ? null
            : new ClientKeepAlive(channel, TimeSpan.FromSeconds(result.KeepAliveSeconds),
                options.PingTimeout ?? TimeSpan.FromSeconds(result.KeepAliveSeconds), options.TimeProvider, Abort);
        try
        {
            while (await channel.ReceiveAsync(channel.Closed).ConfigureAwait(false) is { } packet)
            {
                Handle(packet, keepAlive);
            }

            return _closeReason ?? "The server closed the connection.";
        }
        catch (MqttProtocolException error)
        {
            ClientLog.ProtocolViolation(options.Logger, result.ClientId, error.Message);
            if (channel.ProtocolVersion == MqttProtocolVersion.V500)
            {
                channel.Send(new MqttDisconnectPacket { ReasonCode = DisconnectCode(error.ReasonCode) });
            }

            await channel.FlushAndCloseAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            return $"Protocol violation by the server ({error.ReasonCode}): {error.Message}";
        }
        finally
        {
            keepAlive?.Dispose();
            channel.Close();
        }
    }

    /// <summary>Ends the connection; <paramref name="reason"/> is reported unless another reason came first.</summary>
    public void Abort(string reason)
    {
        Interlocked.CompareExchange(ref _closeReason, reason, null);
        channel.Close();
    }

    /// <summary>Sends DISCONNECT and closes once it is flushed (bounded wait).</summary>
    public async Task DisconnectAsync(MqttReasonCode reasonCode, string reason)
    {
        Interlocked.CompareExchange(ref _closeReason, reason, null);
        channel.Send(new MqttDisconnectPacket { ReasonCode = channel.ProtocolVersion == MqttProtocolVersion.V500 ? reasonCode : MqttReasonCode.NormalDisconnection });
        await channel.FlushAndCloseAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
    }

    private static MqttReasonCode DisconnectCode(MqttReasonCode code) => code switch
    {
        MqttReasonCode.MalformedPacket or MqttReasonCode.PacketTooLarge or MqttReasonCode.TopicAliasInvalid
            or MqttReasonCode.TopicNameInvalid or MqttReasonCode.ReceiveMaximumExceeded => code,
        _ => MqttReasonCode.ProtocolError,
    };

    private void Handle(MqttPacket packet, ClientKeepAlive? keepAlive)
    {
        switch (packet)
        {
            case MqttPublishPacket publish:
                Receive(publish);
                break;
            case MqttPubAckPacket or MqttPubCompPacket:
                var ack = (MqttPublishResponsePacket)packet;
                if (!session.Acknowledge(ack))
                {
                    ClientLog.UnexpectedAcknowledgement(options.Logger, result.ClientId, packet.Type.ToString(), ack.PacketIdentifier);
                }

                break;
            case MqttPubRecPacket pubRec:
                session.Received(pubRec);
                break;
            case MqttPubRelPacket pubRel:
                var known = incoming.Release(pubRel.PacketIdentifier);
                channel.Send(new MqttPubCompPacket
                {
                    PacketIdentifier = pubRel.PacketIdentifier,
                    ReasonCode = known || channel.ProtocolVersion != MqttProtocolVersion.V500 ? MqttReasonCode.Success : MqttReasonCode.PacketIdentifierNotFound,
                });
                break;
            case MqttSubAckPacket or MqttUnsubAckPacket:
                var id = packet is MqttSubAckPacket subAck ? subAck.PacketIdentifier : ((MqttUnsubAckPacket)packet).PacketIdentifier;
                if (!session.Answer(id, packet))
                {
                    throw new MqttProtocolException(MqttReasonCode.ProtocolError, $"{packet.Type} for packet identifier {id}, which waits on none.");
                }

                break;
            case MqttPingRespPacket:
                keepAlive?.PingResponseReceived();
                break;
            case MqttDisconnectPacket disconnect:
                Abort($"The server sent DISCONNECT {disconnect.ReasonCode} {disconnect.Properties.ReasonString}".TrimEnd());
                break;
            default:
                throw new MqttProtocolException(MqttReasonCode.ProtocolError, $"A server must not send {packet.Type}.");
        }
    }

    private void Receive(MqttPublishPacket publish)
    {
        var properties = publish.Properties;
        var topic = publish.Topic;
        if (properties.TopicAlias is { } alias)
        {
            if (alias == 0 || alias > options.TopicAliasMaximum)
            {
                throw new MqttProtocolException(MqttReasonCode.TopicAliasInvalid,
                    $"Topic alias {alias} is outside 1..{options.TopicAliasMaximum} (our Topic Alias Maximum).");
            }

            if (topic.Length > 0)
            {
                _topicAliases[alias] = topic;
            }
            else if (!_topicAliases.TryGetValue(alias, out topic))
            {
                throw new MqttProtocolException(MqttReasonCode.ProtocolError, $"Topic alias {alias} was never set on this connection.");
            }

            properties = new MqttProperties(properties.Items.Where(p => p.Id != MqttPropertyId.TopicAlias));
        }

        var message = new MqttApplicationMessage
        {
            Topic = topic!,
            Payload = publish.Payload,
            QualityOfService = publish.QualityOfService,
            Retain = publish.Retain,
            Dup = publish.Dup,
            Properties = properties,
        };
        var packetId = publish.PacketIdentifier;
        switch (publish.QualityOfService)
        {
            case MqttQualityOfService.AtMostOnce:
                dispatcher.Deliver(message, channel, null);
                break;
            case MqttQualityOfService.AtLeastOnce:
                dispatcher.Deliver(message, channel, new MqttPubAckPacket { PacketIdentifier = packetId });
                break;
            default:
                if (incoming.Begin(packetId))
                {
                    dispatcher.Deliver(message, channel, new MqttPubRecPacket { PacketIdentifier = packetId });
                }
                else
                {
                    // Already delivered under this identifier and not yet released: acknowledge again, deliver once.
                    channel.Send(new MqttPubRecPacket { PacketIdentifier = packetId });
                }

                break;
        }
    }
}
