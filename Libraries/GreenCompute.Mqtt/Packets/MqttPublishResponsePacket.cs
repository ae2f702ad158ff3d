using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Packets;

/// <summary>
/// The shape shared by PUBACK, PUBREC, PUBREL and PUBCOMP: packet identifier, MQTT 5 reason code and properties
/// (reason string, user properties). The reason code and properties are omitted on the wire when they are
/// Success and empty (spec 3.4.2.1).
/// </summary>
public abstract record MqttPublishResponsePacket : MqttPacket
{
    public ushort PacketIdentifier { get; init; }

    public MqttReasonCode ReasonCode { get; init; }

    public MqttProperties Properties { get; init; } = MqttProperties.Empty;
}
