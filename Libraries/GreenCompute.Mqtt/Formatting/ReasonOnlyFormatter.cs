using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Formatting;

/// <summary>
/// DISCONNECT and AUTH (spec 3.14, 3.15): MQTT 5 reason code and properties, both omitted when Success and empty
/// (remaining length 0). A remaining length of 1 is a reason code without properties. In 3.1.1 DISCONNECT is empty.
/// </summary>
internal static class ReasonOnlyFormatter
{
    public static MqttPacket Read(ref MqttSpanReader reader, MqttPacketType type, MqttProtocolVersion version)
    {
        var reasonCode = MqttReasonCode.Success;
        var properties = MqttProperties.Empty;
        if (version == MqttProtocolVersion.V500 && !reader.End)
        {
            reasonCode = (MqttReasonCode)reader.ReadByte();
            MqttReasonCodeRules.Check(type, reasonCode);
            if (!reader.End)
            {
                properties = MqttPropertiesFormatter.Read(ref reader, ScopeOf(type));
            }
        }

        reader.EnsureEnd(type);
        return type == MqttPacketType.Auth
            ? new MqttAuthPacket { ReasonCode = reasonCode, Properties = properties }
            : new MqttDisconnectPacket { ReasonCode = reasonCode, Properties = properties };
    }

    public static void Write(ref MqttSpanWriter writer, MqttPacketType type, MqttReasonCode reasonCode, MqttProperties properties,
        MqttProtocolVersion version)
    {
        var isDefault = reasonCode == MqttReasonCode.Success && properties.IsEmpty;
        if (version != MqttProtocolVersion.V500)
        {
            if (!isDefault)
            {
                throw MqttProtocolException.ProtocolError($"{type} reason codes and properties need MQTT 5.0.");
            }

            return;
        }

        if (isDefault)
        {
            return;
        }

        MqttReasonCodeRules.Check(type, reasonCode);
        writer.WriteByte((byte)reasonCode);

        // AUTH has no "remaining length 1" form in the spec text, so its property length is always written.
        if (!properties.IsEmpty || type == MqttPacketType.Auth)
        {
            MqttPropertiesFormatter.Write(ref writer, properties, ScopeOf(type));
        }
    }

    private static MqttPropertyScope ScopeOf(MqttPacketType type) =>
        type == MqttPacketType.Auth ? MqttPropertyScope.Auth : MqttPropertyScope.Disconnect;
}
