using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Formatting;

/// <summary>SUBSCRIBE (spec 3.8): packet identifier, properties, then filter + options byte pairs (at least one).</summary>
internal static class SubscribeFormatter
{
    public static MqttSubscribePacket Read(ref MqttSpanReader reader, MqttProtocolVersion version)
    {
        var packetId = PacketIdentifier.Read(ref reader, MqttPacketType.Subscribe);
        var isV5 = version == MqttProtocolVersion.V500;
        var properties = isV5 ? MqttPropertiesFormatter.Read(ref reader, MqttPropertyScope.Subscribe) : MqttProperties.Empty;
        var subscriptions = new List<MqttSubscription>();
        while (!reader.End)
        {
            var filter = reader.ReadString();
            var options = reader.ReadByte();
            if ((options & (isV5 ? 0xC0 : 0xFC)) != 0)
            {
                throw MqttProtocolException.Malformed($"SUBSCRIBE options 0x{options:X2} set reserved bits.");
            }

            if ((options & 0x03) == 3)
            {
                throw MqttProtocolException.Malformed("SUBSCRIBE maximum QoS is 3.");
            }

            var retainHandling = (options >> 4) & 0x03;
            if (retainHandling == 3)
            {
                throw MqttProtocolException.ProtocolError("SUBSCRIBE retain handling is 3.");
            }

            subscriptions.Add(new MqttSubscription
            {
                TopicFilter = filter,
                MaximumQualityOfService = (MqttQualityOfService)(options & 0x03),
                NoLocal = (options & 0x04) != 0,
                RetainAsPublished = (options & 0x08) != 0,
                RetainHandling = (MqttRetainHandling)retainHandling,
            });
        }

        if (subscriptions.Count == 0)
        {
            throw MqttProtocolException.ProtocolError("SUBSCRIBE has no topic filter [MQTT-3.8.3-3].");
        }

        return new MqttSubscribePacket { PacketIdentifier = packetId, Subscriptions = subscriptions, Properties = properties };
    }

    public static void Write(ref MqttSpanWriter writer, MqttSubscribePacket packet, MqttProtocolVersion version)
    {
        var isV5 = version == MqttProtocolVersion.V500;
        PacketIdentifier.Write(ref writer, packet.PacketIdentifier, MqttPacketType.Subscribe);
        ConnectFormatter.WriteProperties(ref writer, packet.Properties, MqttPropertyScope.Subscribe, isV5);
        if (packet.Subscriptions.Count == 0)
        {
            throw MqttProtocolException.ProtocolError("SUBSCRIBE needs at least one topic filter.");
        }

        for (var i = 0; i < packet.Subscriptions.Count; i++)
        {
            writer.WriteString(packet.Subscriptions[i].TopicFilter);
            writer.WriteByte(GetOptions(packet.Subscriptions[i], isV5));
        }
    }

    private static byte GetOptions(MqttSubscription subscription, bool isV5)
    {
        if (subscription.MaximumQualityOfService > MqttQualityOfService.ExactlyOnce
            || subscription.RetainHandling > MqttRetainHandling.DoNotSend)
        {
            throw MqttProtocolException.Malformed($"Subscription options for '{subscription.TopicFilter}' are out of range.");
        }

        var v5Options = (subscription.NoLocal ? 0x04 : 0) | (subscription.RetainAsPublished ? 0x08 : 0)
            | ((int)subscription.RetainHandling << 4);
        if (!isV5 && v5Options != 0)
        {
            throw MqttProtocolException.ProtocolError("No-local, retain-as-published and retain handling need MQTT 5.0.");
        }

        return (byte)((int)subscription.MaximumQualityOfService | v5Options);
    }
}
