using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>
/// CONNACK (spec 3.2). For 3.1/3.1.1 the return codes 0–5 map to Success, UnsupportedProtocolVersion,
/// ClientIdentifierNotValid, ServerUnavailable, BadUserNameOrPassword and NotAuthorized.
/// </summary>
public sealed record MqttConnAckPacket : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.ConnAck;

    /// <summary>Not on the wire in MQTT 3.1.</summary>
    public bool SessionPresent { get; init; }

    public MqttReasonCode ReasonCode { get; init; }

    public MqttProperties Properties { get; init; } = MqttProperties.Empty;
}
