using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>PUBREC (spec 3.5): QoS 2 delivery part 1.</summary>
public sealed record MqttPubRecPacket : MqttPublishResponsePacket
{
    public override MqttPacketType Type => MqttPacketType.PubRec;
}
