using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Topics;

namespace GreenCompute.Mqtt.Formatting;

/// <summary>PUBLISH (spec 3.3): flags DUP/QoS/RETAIN, topic, packet identifier when QoS &gt; 0, properties, payload.</summary>
internal static class PublishFormatter
{
    public static MqttPublishPacket Read(ref MqttSpanReader reader, byte flags, MqttProtocolVersion version)
    {
        var qos = (MqttQualityOfService)((flags >> 1) & 0x03);
        var dup = (flags & 0x08) != 0;
        CheckFlags(qos, dup);
        var topic = reader.ReadString();
        ushort packetId = 0;
        if (qos != MqttQualityOfService.AtMostOnce)
        {
            packetId = PacketIdentifier.Read(ref reader, MqttPacketType.Publish);
        }

        var properties = version == MqttProtocolVersion.V500
            ? MqttPropertiesFormatter.Read(ref reader, MqttPropertyScope.Publish)
            : MqttProperties.Empty;
        CheckTopicName(topic, properties.TopicAlias is not null);
        var payload = reader.ReadToEnd();
        return new MqttPublishPacket
        {
            Topic = topic,
            QualityOfService = qos,
            Dup = dup,
            Retain = (flags & 0x01) != 0,
            PacketIdentifier = packetId,
            Payload = payload.IsEmpty ? ReadOnlyMemory<byte>.Empty : payload.ToArray(),
            Properties = properties,
        };
    }

    public static byte GetFlags(MqttPublishPacket packet)
    {
        CheckFlags(packet.QualityOfService, packet.Dup);
        return (byte)((packet.Dup ? 0x08 : 0) | ((byte)packet.QualityOfService << 1) | (packet.Retain ? 0x01 : 0));
    }

    /// <summary>Writes everything but the payload, which the encoder appends without an intermediate copy.</summary>
    public static void WriteVariableHeader(ref MqttSpanWriter writer, MqttPublishPacket packet, MqttProtocolVersion version)
    {
        var isV5 = version == MqttProtocolVersion.V500;
        CheckTopicName(packet.Topic, isV5 && packet.Properties.TopicAlias is not null);
        writer.WriteString(packet.Topic);
        if (packet.QualityOfService != MqttQualityOfService.AtMostOnce)
        {
            PacketIdentifier.Write(ref writer, packet.PacketIdentifier, MqttPacketType.Publish);
        }
        else if (packet.PacketIdentifier != 0)
        {
            throw MqttProtocolException.ProtocolError("A QoS 0 PUBLISH must not have a packet identifier.");
        }

        ConnectFormatter.WriteProperties(ref writer, packet.Properties, MqttPropertyScope.Publish, isV5);
    }

    /// <summary>Topic names have no wildcards [MQTT-3.3.2-2]; empty only with a topic alias (MQTT 5).</summary>
    public static void CheckTopicName(string topic, bool hasTopicAlias)
    {
        if (topic.Length == 0 && !hasTopicAlias)
        {
            throw MqttProtocolException.ProtocolError("Topic name is empty and there is no topic alias.");
        }

        if (TopicName.ContainsWildcard(topic))
        {
            throw new MqttProtocolException(MqttReasonCode.TopicNameInvalid, $"Topic name '{topic}' contains a wildcard.");
        }
    }

    private static void CheckFlags(MqttQualityOfService qos, bool dup)
    {
        if (qos > MqttQualityOfService.ExactlyOnce)
        {
            throw MqttProtocolException.Malformed("PUBLISH QoS is 3.");
        }

        if (dup && qos == MqttQualityOfService.AtMostOnce)
        {
            throw MqttProtocolException.Malformed("PUBLISH has DUP set with QoS 0 [MQTT-3.3.1-2].");
        }
    }
}
