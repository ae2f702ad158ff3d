using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Formatting;

/// <summary>
/// PUBACK, PUBREC, PUBREL, PUBCOMP (spec 3.4–3.7). MQTT 5: remaining length 2 means Success without properties,
/// 3 means a reason code without properties; the encoder writes the shortest form.
/// </summary>
internal static class PublishResponseFormatter
{
    public static MqttPublishResponsePacket Read(ref MqttSpanReader reader, MqttPacketType type, MqttProtocolVersion version)
    {
        var packetId = PacketIdentifier.Read(ref reader, type);
        var reasonCode = MqttReasonCode.Success;
        var properties = MqttProperties.Empty;
        if (version == MqttProtocolVersion.V500 && !reader.End)
        {
            reasonCode = (MqttReasonCode)reader.ReadByte();
            MqttReasonCodeRules.Check(type, reasonCode);
            if (!reader.End)
            {
                properties = MqttPropertiesFormatter.Read(ref reader, MqttPropertyScope.PublishAck);
            }
        }

        reader.EnsureEnd(type);
        return type switch
        {
            MqttPacketType.PubAck => new MqttPubAckPacket { PacketIdentifier = packetId, ReasonCode = reasonCode, Properties = properties },
            MqttPacketType.PubRec => new MqttPubRecPacket { PacketIdentifier = packetId, ReasonCode = reasonCode, Properties = properties },
            MqttPacketType.PubRel => new MqttPubRelPacket { PacketIdentifier = packetId, ReasonCode = reasonCode, Properties = properties },
            _ => new MqttPubCompPacket { PacketIdentifier = packetId, ReasonCode = reasonCode, Properties = properties },
        };
    }

    public static void Write(ref MqttSpanWriter writer, MqttPublishResponsePacket packet, MqttProtocolVersion version)
    {
        PacketIdentifier.Write(ref writer, packet.PacketIdentifier, packet.Type);
        var isDefault = packet.ReasonCode == MqttReasonCode.Success && packet.Properties.IsEmpty;
        if (version != MqttProtocolVersion.V500)
        {
            if (!isDefault)
            {
                throw MqttProtocolException.ProtocolError($"{packet.Type} reason codes and properties need MQTT 5.0.");
            }

            return;
        }

        if (isDefault)
        {
            return;
        }

        MqttReasonCodeRules.Check(packet.Type, packet.ReasonCode);
        writer.WriteByte((byte)packet.ReasonCode);
        if (!packet.Properties.IsEmpty)
        {
            MqttPropertiesFormatter.Write(ref writer, packet.Properties, MqttPropertyScope.PublishAck);
        }
    }
}
