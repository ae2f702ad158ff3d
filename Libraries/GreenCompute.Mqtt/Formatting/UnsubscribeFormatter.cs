using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Formatting;

/// <summary>UNSUBSCRIBE (spec 3.10): packet identifier, MQTT 5 properties, at least one topic filter.</summary>
internal static class UnsubscribeFormatter
{
    public static MqttUnsubscribePacket Read(ref MqttSpanReader reader, MqttProtocolVersion version)
    {
        var packetId = PacketIdentifier.Read(ref reader, MqttPacketType.Unsubscribe);
        var properties = version == MqttProtocolVersion.V500
            ? MqttPropertiesFormatter.Read(ref reader, MqttPropertyScope.Unsubscribe)
            : MqttProperties.Empty;
        var filters = new List<string>();
        while (!reader.End)
        {
            filters.Add(reader.ReadString());
        }

        if (filters.Count == 0)
        {
            throw MqttProtocolException.ProtocolError("UNSUBSCRIBE has no topic filter [MQTT-3.10.3-2].");
        }

        return new MqttUnsubscribePacket { PacketIdentifier = packetId, TopicFilters = filters, Properties = properties };
    }

    public static void Write(ref MqttSpanWriter writer, MqttUnsubscribePacket packet, MqttProtocolVersion version)
    {
        PacketIdentifier.Write(ref writer, packet.PacketIdentifier, MqttPacketType.Unsubscribe);
        ConnectFormatter.WriteProperties(ref writer, packet.Properties, MqttPropertyScope.Unsubscribe, version == MqttProtocolVersion.V500);
        if (packet.TopicFilters.Count == 0)
        {
            throw MqttProtocolException.ProtocolError("UNSUBSCRIBE needs at least one topic filter.");
        }

        for (var i = 0; i < packet.TopicFilters.Count; i++)
        {
            writer.WriteString(packet.TopicFilters[i]);
        }
    }
}
