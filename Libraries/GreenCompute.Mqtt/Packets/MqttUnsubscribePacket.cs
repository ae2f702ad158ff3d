using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>UNSUBSCRIBE (spec 3.10): at least one topic filter.</summary>
public sealed record MqttUnsubscribePacket : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Unsubscribe;

    public ushort PacketIdentifier { get; init; }

    public IReadOnlyList<string> TopicFilters { get; init; } = [];

    public MqttProperties Properties { get; init; } = MqttProperties.Empty;
}
