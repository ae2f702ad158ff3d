using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>UNSUBACK (spec 3.11): MQTT 5 carries one reason code per topic filter; 3.1.1 has none (empty list).</summary>
public sealed record MqttUnsubAckPacket : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.UnsubAck;

    public ushort PacketIdentifier { get; init; }

    public IReadOnlyList<MqttReasonCode> ReasonCodes { get; init; } = [];

    public MqttProperties Properties { get; init; } = MqttProperties.Empty;
}
