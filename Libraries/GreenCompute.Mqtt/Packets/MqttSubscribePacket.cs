using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>
/// SUBSCRIBE (spec 3.8): at least one subscription. The codec checks the filters' UTF-8 and length only;
/// wildcard syntax is for the receiver (see <see cref="Topics.TopicFilter"/>) so a v5 server can answer 0x8F per filter.
/// </summary>
public sealed record MqttSubscribePacket : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Subscribe;

    public ushort PacketIdentifier { get; init; }

    public IReadOnlyList<MqttSubscription> Subscriptions { get; init; } = [];

    /// <summary>MQTT 5: subscription identifier (at most one), user properties.</summary>
    public MqttProperties Properties { get; init; } = MqttProperties.Empty;
}
