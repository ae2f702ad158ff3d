using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Broker;

/// <summary>A message on its way to one session: QoS and RETAIN as granted to that subscriber, plus its subscription identifiers.</summary>
internal sealed class OutgoingDelivery(BrokerMessage message, MqttQualityOfService qualityOfService, bool retain, IReadOnlyList<uint> subscriptionIdentifiers)
{
    public BrokerMessage Message { get; } = message;

    public MqttQualityOfService QualityOfService { get; } = qualityOfService;

    public ushort PacketIdentifier { get; set; }

    /// <summary>QoS 2: PUBREC received; PUBREL is what remains to (re)send.</summary>
    public bool Released { get; set; }

    public long Sequence { get; set; }

    public MqttPublishPacket ToPacket(MqttProtocolVersion version, bool dup)
    {
        var properties = MqttProperties.Empty;
        if (version == MqttProtocolVersion.V500 && (!Message.Properties.IsEmpty || subscriptionIdentifiers.Count != 0))
        {
            properties = subscriptionIdentifiers.Count == 0
                ? Message.Properties
                : new MqttProperties(Message.Properties.Items) { SubscriptionIdentifiers = subscriptionIdentifiers };
        }

        return new MqttPublishPacket
        {
            Topic = Message.Topic,
            Payload = Message.Payload,
            QualityOfService = QualityOfService,
            Retain = retain,
            Dup = dup && QualityOfService != MqttQualityOfService.AtMostOnce,
            PacketIdentifier = PacketIdentifier,
            Properties = properties,
        };
    }
}
