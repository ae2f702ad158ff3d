using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>DISCONNECT (spec 3.14). MQTT 5 adds a reason code and properties (session expiry, reason string, server reference).</summary>
public sealed record MqttDisconnectPacket : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Disconnect;

    public MqttReasonCode ReasonCode { get; init; }

    public MqttProperties Properties { get; init; } = MqttProperties.Empty;
}
