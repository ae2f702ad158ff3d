using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Formatting;

/// <summary>Packet identifiers are two bytes and never 0 [MQTT-2.3.1-1].</summary>
internal static class PacketIdentifier
{
    public static ushort Read(ref MqttSpanReader reader, MqttPacketType packetType)
    {
        if (reader.Remaining < 2)
        {
            throw MqttProtocolException.Malformed($"{packetType} is missing its packet identifier.");
        }

        var id = reader.ReadUInt16();
        return id != 0 ? id : throw MqttProtocolException.ProtocolError($"{packetType} has packet identifier 0.");
    }

    public static void Write(ref MqttSpanWriter writer, ushort id, MqttPacketType packetType)
    {
        if (id == 0)
        {
            throw MqttProtocolException.ProtocolError($"{packetType} needs a non-zero packet identifier.");
        }

        writer.WriteUInt16(id);
    }
}
