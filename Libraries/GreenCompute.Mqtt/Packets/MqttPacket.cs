using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>
/// An MQTT control packet, version-neutral: fields that exist only in MQTT 5 (reason codes other than success,
/// properties) must stay at their defaults when the packet is encoded for 3.1.1.
/// Equality is record equality: payloads and lists compare by reference.
/// </summary>
public abstract record MqttPacket
{
    public abstract MqttPacketType Type { get; }
}
