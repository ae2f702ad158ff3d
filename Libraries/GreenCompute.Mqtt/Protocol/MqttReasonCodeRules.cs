namespace GreenCompute.Mqtt.Protocol;

/// <summary>Which reason codes each MQTT 5 packet may carry (spec 3.x.2.1 tables), and the 3.1.1 return code mappings.</summary>
internal static class MqttReasonCodeRules
{
    private static readonly byte[] ConnAck =
        [0x00, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8C, 0x90, 0x95, 0x97, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9F];

    private static readonly byte[] PubAckOrPubRec = [0x00, 0x10, 0x80, 0x83, 0x87, 0x90, 0x91, 0x97, 0x99];

    private static readonly byte[] PubRelOrPubComp = [0x00, 0x92];

    private static readonly byte[] SubAck = [0x00, 0x01, 0x02, 0x80, 0x83, 0x87, 0x8F, 0x91, 0x97, 0x9E, 0xA1, 0xA2];

    private static readonly byte[] UnsubAck = [0x00, 0x11, 0x80, 0x83, 0x87, 0x8F, 0x91];

    private static readonly byte[] Disconnect =
    [
        0x00, 0x04, 0x80, 0x81, 0x82, 0x83, 0x87, 0x89, 0x8B, 0x8D, 0x8E, 0x8F, 0x90, 0x93, 0x94, 0x95, 0x96, 0x97,
        0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F, 0xA0, 0xA1, 0xA2,
    ];

    private static readonly byte[] Auth = [0x00, 0x18, 0x19];

    /// <summary>3.1.1 CONNACK return codes 0..5 in order, as MQTT 5 reason codes.</summary>
    private static readonly MqttReasonCode[] V3ConnectReturnCodes =
    [
        MqttReasonCode.Success,
        MqttReasonCode.UnsupportedProtocolVersion,
        MqttReasonCode.ClientIdentifierNotValid,
        MqttReasonCode.ServerUnavailable,
        MqttReasonCode.BadUserNameOrPassword,
        MqttReasonCode.NotAuthorized,
    ];

    public static void Check(MqttPacketType packetType, MqttReasonCode code)
    {
        var allowed = packetType switch
        {
            MqttPacketType.ConnAck => ConnAck,
            MqttPacketType.PubAck or MqttPacketType.PubRec => PubAckOrPubRec,
            MqttPacketType.PubRel or MqttPacketType.PubComp => PubRelOrPubComp,
            MqttPacketType.SubAck => SubAck,
            MqttPacketType.UnsubAck => UnsubAck,
            MqttPacketType.Disconnect => Disconnect,
            MqttPacketType.Auth => Auth,
            _ => [],
        };
        if (!allowed.AsSpan().Contains((byte)code))
        {
            throw MqttProtocolException.ProtocolError($"Reason code 0x{(byte)code:X2} is not valid in {packetType}.");
        }
    }

    public static MqttReasonCode FromV3ConnectReturnCode(byte returnCode) =>
        returnCode < V3ConnectReturnCodes.Length
            ? V3ConnectReturnCodes[returnCode]
            : throw MqttProtocolException.Malformed($"CONNACK return code {returnCode} is reserved in MQTT 3.1.1.");

    public static byte ToV3ConnectReturnCode(MqttReasonCode code)
    {
        var index = Array.IndexOf(V3ConnectReturnCodes, code);
        return index >= 0
            ? (byte)index
            : throw MqttProtocolException.ProtocolError($"Reason code {code} has no MQTT 3.1.1 CONNACK return code.");
    }

    /// <summary>3.1.1 SUBACK return codes: 0x00, 0x01, 0x02 and 0x80 only.</summary>
    public static void CheckV3SubAck(MqttReasonCode code)
    {
        if ((byte)code is not (0x00 or 0x01 or 0x02 or 0x80))
        {
            throw MqttProtocolException.Malformed($"SUBACK return code 0x{(byte)code:X2} is not valid in MQTT 3.1.1.");
        }
    }
}
