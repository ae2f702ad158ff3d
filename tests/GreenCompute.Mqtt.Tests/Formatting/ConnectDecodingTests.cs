using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Support;

namespace GreenCompute.Mqtt.Tests.Formatting;

public sealed class ConnectDecodingTests
{
    [Theory]
    [InlineData("0004 4d515458 04 02 003c 0000", MqttReasonCode.MalformedPacket)] // "MQTX"
    [InlineData("0006 4d5149736470 04 02 003c 0000", MqttReasonCode.UnsupportedProtocolVersion)] // MQIsdp with level 4
    [InlineData("0004 4d515454 06 02 003c 0000", MqttReasonCode.UnsupportedProtocolVersion)]
    [InlineData("0004 4d515454 03 02 003c 0000", MqttReasonCode.UnsupportedProtocolVersion)]
    [InlineData("0004 4d515454 00 02 003c 0000", MqttReasonCode.UnsupportedProtocolVersion)]
    public void Connect_WrongProtocolNameOrLevel_IsRejected(string body, MqttReasonCode expected)
    {
        Assert.Equal(expected, Codec.DecodeFails(Hex.Packet("10", body), MqttProtocolVersion.V311).ReasonCode);
    }

    [Theory]
    [InlineData("03")] // reserved bit 0
    [InlineData("1e")] // will QoS 3
    [InlineData("22")] // will retain without will flag
    [InlineData("0a")] // will QoS 1 without will flag
    [InlineData("42")] // password without user name (3.1.1)
    public void ConnectFlags_Invalid_AreMalformed(string flags)
    {
        var error = Codec.DecodeFails(Hex.Packet("10", $"0004 4d515454 04 {flags} 003c 0000"), MqttProtocolVersion.V311);

        Assert.Equal(MqttReasonCode.MalformedPacket, error.ReasonCode);
    }

    [Fact]
    public void Connect_V5PasswordWithoutUserName_IsAllowed()
    {
        var packet = (MqttConnectPacket)Codec.Decode(Hex.Packet("10", "0004 4d515454 05 42 003c 00 0000 0001 78"), MqttProtocolVersion.V500);

        Assert.Null(packet.UserName);
        Assert.Equal([0x78], packet.Password!.Value.ToArray());
    }

    [Fact]
    public void Connect_ZeroLengthPassword_IsPresentNotNull()
    {
        var packet = (MqttConnectPacket)Codec.Decode(Hex.Packet("10", "0004 4d515454 04 c2 003c 0000 0001 75 0000"), MqttProtocolVersion.V311);

        Assert.Equal("u", packet.UserName);
        Assert.True(packet.Password is { IsEmpty: true });
    }

    [Fact]
    public void Connect_DecoderOfOtherVersion_UsesThePacketsOwnLevel()
    {
        var packet = (MqttConnectPacket)Codec.Decode(Hex.Packet("10", "0004 4d515454 04 02 003c 0000"), MqttProtocolVersion.V500);

        Assert.Equal(MqttProtocolVersion.V311, packet.ProtocolVersion);
    }

    [Theory]
    [InlineData("0004 4d515454 04 02 003c 0000 00")] // trailing byte
    [InlineData("0004 4d515454 04 06 003c 0000 0001 61")] // will flag, will message missing
    [InlineData("0004 4d515454 04 82 003c 0000")] // user name flag, user name missing
    [InlineData("0004 4d515454 04 02 003c")] // client identifier missing
    [InlineData("0004 4d515454 04")] // cut in the flags
    public void Connect_FieldsMissingOrExtra_AreMalformed(string body)
    {
        Assert.Equal(MqttReasonCode.MalformedPacket, Codec.DecodeFails(Hex.Packet("10", body), MqttProtocolVersion.V311).ReasonCode);
    }

    [Theory]
    [InlineData("0a 1100000001 1100000002", MqttReasonCode.ProtocolError)] // session expiry twice
    [InlineData("03 230001", MqttReasonCode.MalformedPacket)] // topic alias is not a CONNECT property
    [InlineData("03 210000", MqttReasonCode.ProtocolError)] // receive maximum 0
    [InlineData("05 2700000000", MqttReasonCode.ProtocolError)] // maximum packet size 0
    [InlineData("02 1702", MqttReasonCode.ProtocolError)] // request problem information 2
    public void ConnectProperties_Invalid_AreRejected(string properties, MqttReasonCode expected)
    {
        var body = $"0004 4d515454 05 02 003c {properties} 0000";

        Assert.Equal(expected, Codec.DecodeFails(Hex.Packet("10", body), MqttProtocolVersion.V500).ReasonCode);
    }

    [Fact]
    public void WillProperties_SessionExpiry_IsMalformed()
    {
        var body = "0004 4d515454 05 06 003c 00 0000 05 1100000001 0001 61 0000";

        Assert.Equal(MqttReasonCode.MalformedPacket, Codec.DecodeFails(Hex.Packet("10", body), MqttProtocolVersion.V500).ReasonCode);
    }

    [Fact]
    public void WillTopic_Wildcard_IsTopicNameInvalid()
    {
        var body = "0004 4d515454 04 06 003c 0000 0001 23 0000";

        Assert.Equal(MqttReasonCode.TopicNameInvalid, Codec.DecodeFails(Hex.Packet("10", body), MqttProtocolVersion.V311).ReasonCode);
    }
}
