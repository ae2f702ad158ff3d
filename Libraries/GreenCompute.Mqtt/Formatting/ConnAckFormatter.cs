using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Formatting;

/// <summary>CONNACK (spec 3.2): acknowledge flags, return/reason code, MQTT 5 properties.</summary>
internal static class ConnAckFormatter
{
    public static MqttConnAckPacket Read(ref MqttSpanReader reader, MqttProtocolVersion version)
    {
        var flags = reader.ReadByte();
        if (version != MqttProtocolVersion.V310 && (flags & 0xFE) != 0)
        {
            throw MqttProtocolException.Malformed("CONNACK reserved acknowledge flags are set.");
        }

        var code = reader.ReadByte();
        MqttReasonCode reasonCode;
        var properties = MqttProperties.Empty;
        if (version == MqttProtocolVersion.V500)
        {
            reasonCode = (MqttReasonCode)code;
            MqttReasonCodeRules.Check(MqttPacketType.ConnAck, reasonCode);
            properties = MqttPropertiesFormatter.Read(ref reader, MqttPropertyScope.ConnAck);
        }
        else
        {
            reasonCode = MqttReasonCodeRules.FromV3ConnectReturnCode(code);
        }

        reader.EnsureEnd(MqttPacketType.ConnAck);
        return new MqttConnAckPacket
        {
            // MQTT 3.1 has no session present flag: the whole byte is reserved.
            SessionPresent = version != MqttProtocolVersion.V310 && (flags & 0x01) != 0,
            ReasonCode = reasonCode,
            Properties = properties,
        };
    }

    public static void Write(ref MqttSpanWriter writer, MqttConnAckPacket packet, MqttProtocolVersion version)
    {
        writer.WriteByte(packet.SessionPresent && version != MqttProtocolVersion.V310 ? (byte)1 : (byte)0);
        if (version == MqttProtocolVersion.V500)
        {
            MqttReasonCodeRules.Check(MqttPacketType.ConnAck, packet.ReasonCode);
            writer.WriteByte((byte)packet.ReasonCode);
            MqttPropertiesFormatter.Write(ref writer, packet.Properties, MqttPropertyScope.ConnAck);
        }
        else
        {
            writer.WriteByte(MqttReasonCodeRules.ToV3ConnectReturnCode(packet.ReasonCode));
            ConnectFormatter.WriteProperties(ref writer, packet.Properties, MqttPropertyScope.ConnAck, isV5: false);
        }
    }
}
