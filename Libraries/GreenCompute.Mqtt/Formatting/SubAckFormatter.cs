using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Formatting;

/// <summary>SUBACK and UNSUBACK (spec 3.9, 3.11): packet identifier, MQTT 5 properties, one reason code per filter.</summary>
internal static class SubAckFormatter
{
    public static MqttPacket Read(ref MqttSpanReader reader, MqttPacketType type, MqttProtocolVersion version)
    {
        var isSubAck = type == MqttPacketType.SubAck;
        var packetId = PacketIdentifier.Read(ref reader, type);
        var isV5 = version == MqttProtocolVersion.V500;
        var properties = isV5
            ? MqttPropertiesFormatter.Read(ref reader, isSubAck ? MqttPropertyScope.SubAck : MqttPropertyScope.UnsubAck)
            : MqttProperties.Empty;
        if (!isSubAck && !isV5)
        {
            reader.EnsureEnd(type);
            return new MqttUnsubAckPacket { PacketIdentifier = packetId };
        }

        var codes = new List<MqttReasonCode>(reader.Remaining);
        while (!reader.End)
        {
            var code = (MqttReasonCode)reader.ReadByte();
            Check(type, code, isV5);
            codes.Add(code);
        }

        if (codes.Count == 0)
        {
            throw MqttProtocolException.ProtocolError($"{type} has no reason code.");
        }

        return isSubAck
            ? new MqttSubAckPacket { PacketIdentifier = packetId, ReasonCodes = codes, Properties = properties }
            : new MqttUnsubAckPacket { PacketIdentifier = packetId, ReasonCodes = codes, Properties = properties };
    }

    public static void Write(ref MqttSpanWriter writer, MqttPacketType type, ushort packetId, IReadOnlyList<MqttReasonCode> codes,
        MqttProperties properties, MqttProtocolVersion version)
    {
        var isSubAck = type == MqttPacketType.SubAck;
        var isV5 = version == MqttProtocolVersion.V500;
        PacketIdentifier.Write(ref writer, packetId, type);
        ConnectFormatter.WriteProperties(ref writer, properties, isSubAck ? MqttPropertyScope.SubAck : MqttPropertyScope.UnsubAck, isV5);
        if (!isSubAck && !isV5)
        {
            if (codes.Count != 0)
            {
                throw MqttProtocolException.ProtocolError("UNSUBACK reason codes need MQTT 5.0.");
            }

            return;
        }

        if (codes.Count == 0)
        {
            throw MqttProtocolException.ProtocolError($"{type} needs one reason code per topic filter.");
        }

        for (var i = 0; i < codes.Count; i++)
        {
            Check(type, codes[i], isV5);
            writer.WriteByte((byte)codes[i]);
        }
    }

    private static void Check(MqttPacketType type, MqttReasonCode code, bool isV5)
    {
        if (isV5)
        {
            MqttReasonCodeRules.Check(type, code);
        }
        else
        {
            MqttReasonCodeRules.CheckV3SubAck(code);
        }
    }
}
