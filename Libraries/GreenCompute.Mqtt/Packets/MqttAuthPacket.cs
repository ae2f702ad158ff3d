using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>AUTH (MQTT 5 only, spec 3.15): enhanced authentication exchange.</summary>
public sealed record MqttAuthPacket : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Auth;

    public MqttReasonCode ReasonCode { get; init; }

    public MqttProperties Properties { get; init; } = MqttProperties.Empty;
}
