using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>PUBCOMP (spec 3.7): QoS 2 delivery part 3.</summary>
public sealed record MqttPubCompPacket : MqttPublishResponsePacket
{
    public override MqttPacketType Type => MqttPacketType.PubComp;
}
