using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>PUBACK (spec 3.4): QoS 1 acknowledgement.</summary>
public sealed record MqttPubAckPacket : MqttPublishResponsePacket
{
    public override MqttPacketType Type => MqttPacketType.PubAck;
}
