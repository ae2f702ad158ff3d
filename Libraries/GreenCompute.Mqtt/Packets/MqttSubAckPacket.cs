using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>SUBACK (spec 3.9): one reason code per subscription; 3.1.1 allows only GrantedQoS0/1/2 and UnspecifiedError (0x80).</summary>
public sealed record MqttSubAckPacket : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.SubAck;

    public ushort PacketIdentifier { get; init; }

    public IReadOnlyList<MqttReasonCode> ReasonCodes { get; init; } = [];

    public MqttProperties Properties { get; init; } = MqttProperties.Empty;
}
