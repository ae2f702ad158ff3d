using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>
/// PUBLISH (spec 3.3). <see cref="PacketIdentifier"/> is non-zero exactly when QoS &gt; 0. In MQTT 5 the topic may be
/// empty when <see cref="MqttProperties.TopicAlias"/> is set. A decoded payload is a private copy.
/// </summary>
public sealed record MqttPublishPacket : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Publish;

    public string Topic { get; init; } = "";

    public MqttQualityOfService QualityOfService { get; init; }

    /// <summary>Set on re-delivery; must be 0 for QoS 0.</summary>
    public bool Dup { get; init; }

    public bool Retain { get; init; }

    public ushort PacketIdentifier { get; init; }

    public ReadOnlyMemory<byte> Payload { get; init; }

    public MqttProperties Properties { get; init; } = MqttProperties.Empty;
}
