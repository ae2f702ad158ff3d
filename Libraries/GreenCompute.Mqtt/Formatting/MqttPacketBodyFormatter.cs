using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Formatting;

/// <summary>Dispatches a packet body (everything after the fixed header) to its formatter, both directions.</summary>
internal static class MqttPacketBodyFormatter
{
    /// <summary>The fixed header flags each type requires (spec 2.1.3); PUBLISH carries DUP/QoS/RETAIN instead.</summary>
    public static byte RequiredFlags(MqttPacketType type) =>
        type is MqttPacketType.PubRel or MqttPacketType.Subscribe or MqttPacketType.Unsubscribe ? (byte)0x02 : (byte)0x00;

    /// <summary>Type 0 is reserved; type 15 (AUTH) exists only in MQTT 5.</summary>
    public static MqttPacketType CheckType(byte firstByte, MqttProtocolVersion version)
    {
        var type = (MqttPacketType)(firstByte >> 4);
        if (type == 0 || (type == MqttPacketType.Auth && version != MqttProtocolVersion.V500))
        {
            throw MqttProtocolException.Malformed($"Packet type {(int)type} is reserved in {version}.");
        }

        return type;
    }

    public static MqttPacket Read(byte firstByte, ReadOnlySpan<byte> body, MqttProtocolVersion version)
    {
        var type = CheckType(firstByte, version);
        var flags = (byte)(firstByte & 0x0F);
        if (type != MqttPacketType.Publish && flags != RequiredFlags(type))
        {
            throw MqttProtocolException.Malformed($"{type} fixed header flags are 0x{flags:X} instead of 0x{RequiredFlags(type):X}.");
        }

        var reader = new MqttSpanReader(body);
        switch (type)
        {
            case MqttPacketType.Connect:
                return ConnectFormatter.Read(ref reader);
            case MqttPacketType.ConnAck:
                return ConnAckFormatter.Read(ref reader, version);
            case MqttPacketType.Publish:
                return PublishFormatter.Read(ref reader, flags, version);
            case MqttPacketType.PubAck or MqttPacketType.PubRec or MqttPacketType.PubRel or MqttPacketType.PubComp:
                return PublishResponseFormatter.Read(ref reader, type, version);
            case MqttPacketType.Subscribe:
                return SubscribeFormatter.Read(ref reader, version);
            case MqttPacketType.SubAck or MqttPacketType.UnsubAck:
                return SubAckFormatter.Read(ref reader, type, version);
            case MqttPacketType.Unsubscribe:
                return UnsubscribeFormatter.Read(ref reader, version);
            case MqttPacketType.PingReq:
                reader.EnsureEnd(MqttPacketType.PingReq);
                return MqttPingReqPacket.Instance;
            case MqttPacketType.PingResp:
                reader.EnsureEnd(MqttPacketType.PingResp);
                return MqttPingRespPacket.Instance;
            default:
                return ReasonOnlyFormatter.Read(ref reader, type, version);
        }
    }

    public static byte FirstByte(MqttPacket packet) =>
        (byte)(((byte)packet.Type << 4)
            | (packet is MqttPublishPacket publish ? PublishFormatter.GetFlags(publish) : RequiredFlags(packet.Type)));

    /// <summary>Writes the variable header and payload, except a PUBLISH payload (the encoder appends that).</summary>
    public static void Write(ref MqttSpanWriter writer, MqttPacket packet, MqttProtocolVersion version)
    {
        switch (packet)
        {
            case MqttConnectPacket connect:
                ConnectFormatter.Write(ref writer, connect, version);
                break;
            case MqttConnAckPacket connAck:
                ConnAckFormatter.Write(ref writer, connAck, version);
                break;
            case MqttPublishPacket publish:
                PublishFormatter.WriteVariableHeader(ref writer, publish, version);
                break;
            case MqttPublishResponsePacket response:
                PublishResponseFormatter.Write(ref writer, response, version);
                break;
            case MqttSubscribePacket subscribe:
                SubscribeFormatter.Write(ref writer, subscribe, version);
                break;
            case MqttSubAckPacket subAck:
                SubAckFormatter.Write(ref writer, MqttPacketType.SubAck, subAck.PacketIdentifier, subAck.ReasonCodes, subAck.Properties, version);
                break;
            case MqttUnsubscribePacket unsubscribe:
                UnsubscribeFormatter.Write(ref writer, unsubscribe, version);
                break;
            case MqttUnsubAckPacket unsubAck:
                SubAckFormatter.Write(ref writer, MqttPacketType.UnsubAck, unsubAck.PacketIdentifier, unsubAck.ReasonCodes, unsubAck.Properties, version);
                break;
            case MqttPingReqPacket or MqttPingRespPacket:
                break;
            case MqttDisconnectPacket disconnect:
                ReasonOnlyFormatter.Write(ref writer, MqttPacketType.Disconnect, disconnect.ReasonCode, disconnect.Properties, version);
                break;
            case MqttAuthPacket auth when version == MqttProtocolVersion.V500:
                ReasonOnlyFormatter.Write(ref writer, MqttPacketType.Auth, auth.ReasonCode, auth.Properties, version);
                break;
            default:
                throw MqttProtocolException.ProtocolError($"{packet.GetType().Name} cannot be encoded for {version}.");
        }
    }
}
