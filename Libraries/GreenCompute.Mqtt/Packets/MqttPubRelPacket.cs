using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>PUBREL (spec 3.6): QoS 2 delivery part 2; fixed header flags 0010.</summary>
public sealed record MqttPubRelPacket : MqttPublishResponsePacket
{
    public override MqttPacketType Type => MqttPacketType.PubRel;
}
