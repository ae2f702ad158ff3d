using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Support;

namespace GreenCompute.Mqtt.Tests.Formatting;

/// <summary>Every malformed input gives a typed MqttProtocolException with the reason code an MQTT 5 peer would send.</summary>
public sealed class MalformedPacketTests
{
    private const MqttProtocolVersion V3 = MqttProtocolVersion.V311;
    private const MqttProtocolVersion V5 = MqttProtocolVersion.V500;

    [Theory]
    [InlineData("30ffffffff01", "longer than 4 bytes")]
    [InlineData("c08000", "not minimally encoded")]
    [InlineData("c0808000", "not minimally encoded")]
    public void RemainingLength_Bad_IsMalformed(string hex, string message)
    {
        var error = Codec.DecodeFails(hex, V3);

        Assert.Equal(MqttReasonCode.MalformedPacket, error.ReasonCode);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4102 0001")] // PUBACK flags must be 0000
    [InlineData("6002 0001")] // PUBREL flags must be 0010
    [InlineData("8006 0001 0001 61 00")] // SUBSCRIBE flags must be 0010
    [InlineData("a005 0001 0001 61")] // UNSUBSCRIBE flags must be 0010
    [InlineData("c100")] // PINGREQ
    [InlineData("e800")] // DISCONNECT
    [InlineData("2102 0000")] // CONNACK
    public void FixedHeaderFlags_Reserved_AreMalformed(string hex)
    {
        Assert.Equal(MqttReasonCode.MalformedPacket, Codec.DecodeFails(hex, V5).ReasonCode);
    }

    [Theory]
    [InlineData("0000", V3)]
    [InlineData("0000", V5)]
    [InlineData("f000", V3)] // AUTH is reserved before MQTT 5
    public void PacketType_Reserved_IsMalformed(string hex, MqttProtocolVersion version)
    {
        Assert.Equal(MqttReasonCode.MalformedPacket, Codec.DecodeFails(hex, version).ReasonCode);
    }

    [Theory]
    [InlineData("3605 0001 61 0001")] // QoS 3
    [InlineData("3e05 0001 61 0001")] // QoS 3 with DUP
    [InlineData("3803 0001 61")] // DUP with QoS 0
    public void PublishFlags_Invalid_AreMalformed(string hex)
    {
        Assert.Equal(MqttReasonCode.MalformedPacket, Codec.DecodeFails(hex, V3).ReasonCode);
    }

    [Theory]
    [InlineData("3203 0001 61", V3)] // QoS 1 PUBLISH without packet identifier
    [InlineData("3404 0001 61 00", V3)] // one byte of it
    [InlineData("4000", V3)]
    [InlineData("5001 00", V5)]
    [InlineData("8200", V3)]
    [InlineData("9001 00", V5)]
    public void PacketIdentifier_Missing_IsMalformed(string hex, MqttProtocolVersion version)
    {
        Assert.Equal(MqttReasonCode.MalformedPacket, Codec.DecodeFails(hex, version).ReasonCode);
    }

    [Theory]
    [InlineData("4002 0000")]
    [InlineData("3205 0001 61 0000")]
    [InlineData("8206 0000 0001 61 00")]
    public void PacketIdentifier_Zero_IsProtocolError(string hex)
    {
        Assert.Equal(MqttReasonCode.ProtocolError, Codec.DecodeFails(hex, V3).ReasonCode);
    }

    [Theory]
    [InlineData("3004 0002 c0af", "UTF-8")] // overlong '/'
    [InlineData("3005 0003 eda080", "UTF-8")] // UTF-16 surrogate D800
    [InlineData("3004 0002 e282", "UTF-8")] // truncated sequence
    [InlineData("3004 0002 ff61", "UTF-8")]
    [InlineData("3006 0004 f4908080", "UTF-8")] // above U+10FFFF
    [InlineData("3004 0002 6100", "U+0000")]
    public void Utf8String_Invalid_IsMalformed(string hex, string message)
    {
        var error = Codec.DecodeFails(hex, V3);

        Assert.Equal(MqttReasonCode.MalformedPacket, error.ReasonCode);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8String_LengthBeyondPacket_IsMalformed()
    {
        Assert.Equal(MqttReasonCode.MalformedPacket, Codec.DecodeFails("3003 0005 61", V3).ReasonCode);
    }

    [Theory]
    [InlineData("4003 0001 00", V3)] // PUBACK has no reason code in 3.1.1
    [InlineData("c001 00", V5)]
    [InlineData("d001 00", V5)]
    [InlineData("e001 00", V3)]
    [InlineData("2003 0000 00", V3)]
    [InlineData("b003 0001 00", V3)]
    [InlineData("4005 0001 00 00 00", V5)] // property block then one stray byte
    public void TrailingBytes_AreMalformed(string hex, MqttProtocolVersion version)
    {
        var error = Codec.DecodeFails(hex, version);

        Assert.Equal(MqttReasonCode.MalformedPacket, error.ReasonCode);
        Assert.Contains("trailing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2002 0200", V3)] // CONNACK reserved acknowledge flag bits
    [InlineData("2003 020000", V5)]
    [InlineData("2002 0006", V3)] // return code 6 is reserved in 3.1.1
    [InlineData("9003 0001 03", V3)] // SUBACK 3.1.1 return code 3
    [InlineData("9002 0001", V3)] // SUBACK without return codes
    public void AckPackets_InvalidContent_AreRejected(string hex, MqttProtocolVersion version)
    {
        Assert.Contains(Codec.DecodeFails(hex, version).ReasonCode, new[] { MqttReasonCode.MalformedPacket, MqttReasonCode.ProtocolError });
    }

    [Theory]
    [InlineData("4003 0001 04")] // PUBACK cannot say "disconnect with will"
    [InlineData("6203 0001 80")] // PUBREL allows 0x00 and 0x92 only
    [InlineData("e001 01")] // DISCONNECT with GrantedQoS1
    [InlineData("f001 04")]
    [InlineData("2003 0001 00")] // CONNACK with GrantedQoS1
    [InlineData("b004 0001 00 01")]
    public void ReasonCode_NotValidForPacket_IsProtocolError(string hex)
    {
        Assert.Equal(MqttReasonCode.ProtocolError, Codec.DecodeFails(hex, V5).ReasonCode);
    }

    [Theory]
    [InlineData("3004 0002 2b61")] // "+a"
    [InlineData("3005 0003 612f23")] // "a/#"
    public void PublishTopic_Wildcard_IsTopicNameInvalid(string hex)
    {
        Assert.Equal(MqttReasonCode.TopicNameInvalid, Codec.DecodeFails(hex, V3).ReasonCode);
    }

    [Theory]
    [InlineData("3002 0000", V3)]
    [InlineData("3003 0000 00", V5)]
    public void PublishTopic_EmptyWithoutAlias_IsProtocolError(string hex, MqttProtocolVersion version)
    {
        Assert.Equal(MqttReasonCode.ProtocolError, Codec.DecodeFails(hex, version).ReasonCode);
    }

    [Theory]
    [InlineData("8202 0001", V3)] // no topic filter
    [InlineData("8203 0001 00", V5)]
    [InlineData("a202 0001", V3)]
    [InlineData("8207 0001 00 0001 61 30", V5)] // retain handling 3
    public void Subscribe_InvalidPayload_IsProtocolError(string hex, MqttProtocolVersion version)
    {
        Assert.Equal(MqttReasonCode.ProtocolError, Codec.DecodeFails(hex, version).ReasonCode);
    }

    [Theory]
    [InlineData("8206 0001 0001 61 04", V3)] // no-local bit is reserved in 3.1.1
    [InlineData("8206 0001 0001 61 03", V3)] // QoS 3
    [InlineData("8207 0001 00 0001 61 40", V5)] // bit 6 reserved
    [InlineData("8207 0001 00 0001 61 03", V5)]
    [InlineData("8205 0001 0001 61", V3)] // options byte missing
    public void SubscribeOptions_Invalid_AreMalformed(string hex, MqttProtocolVersion version)
    {
        Assert.Equal(MqttReasonCode.MalformedPacket, Codec.DecodeFails(hex, version).ReasonCode);
    }
}
