using GreenCompute.Mqtt.Formatting;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Support;

namespace GreenCompute.Mqtt.Tests.Protocol;

/// <summary>Byte layouts given as examples in the OASIS MQTT 3.1.1 and 5.0 specifications.</summary>
public sealed class SpecExampleTests
{
    [Theory]
    [InlineData(0u, "00")]
    [InlineData(127u, "7f")]
    [InlineData(128u, "8001")]
    [InlineData(16_383u, "ff7f")]
    [InlineData(16_384u, "808001")]
    [InlineData(2_097_151u, "ffff7f")]
    [InlineData(2_097_152u, "80808001")]
    [InlineData(268_435_455u, "ffffff7f")]
    public void VariableByteInteger_SpecTable_EncodesAndDecodes(uint value, string hex)
    {
        var buffer = new byte[4];
        var size = VariableByteInteger.Write(buffer, value);

        Assert.Equal(hex, Hex.Of(buffer.AsSpan(0, size)));
        Assert.True(VariableByteInteger.TryRead(Hex.Bytes(hex), out var decoded, out var read));
        Assert.Equal((value, size), (decoded, read));
    }

    [Fact]
    public void VariableByteInteger_AboveMaximum_Throws()
    {
        Assert.Throws<MqttProtocolException>(() => VariableByteInteger.GetSize(268_435_456));
    }

    [Fact]
    public void Utf8String_SpecExample_IsEncodedWithLengthPrefix()
    {
        // Spec 1.5.4 (3.1.1 1.5.3): "A\U0002A6D4" is 00 05 41 F0 AA 9B 94.
        var bytes = new MqttPacketEncoder(MqttProtocolVersion.V311).Encode(new MqttPublishPacket { Topic = "A\U0002A6D4" });

        Assert.Equal("3007000541f0aa9b94", Hex.Of(bytes));
        Assert.Equal("A\U0002A6D4", ((MqttPublishPacket)Codec.Decode(bytes, MqttProtocolVersion.V311)).Topic);
    }

    [Fact]
    public void ConnectVariableHeader_V311Example_Matches()
    {
        // 3.1.1 figure 3.6: protocol name, level 4, flags CE (user, password, will QoS 1, will, clean), keep alive 10.
        var packet = ExampleConnect(MqttProtocolVersion.V311, MqttProperties.Empty);

        var bytes = Codec.RoundTrip(packet, MqttProtocolVersion.V311);

        Assert.Equal("00044d51545404ce000a", Hex.Of(bytes.AsSpan(2, 10)));
    }

    [Fact]
    public void ConnectVariableHeader_V5Example_Matches()
    {
        // 5.0 figure 3-6: as above with level 5, then properties: length 5, Session Expiry Interval (0x11) = 10.
        var packet = ExampleConnect(MqttProtocolVersion.V500, new MqttProperties { SessionExpiryInterval = 10 });

        var bytes = Codec.RoundTrip(packet, MqttProtocolVersion.V500);

        Assert.Equal("00044d51545405ce000a05110000000a", Hex.Of(bytes.AsSpan(2, 16)));
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311, "0003612f62000a")]
    [InlineData(MqttProtocolVersion.V500, "0003612f62000a00")]
    public void PublishVariableHeader_SpecExample_Matches(MqttProtocolVersion version, string expected)
    {
        // 3.1.1 figure 3.11 / 5.0 figure 3-9: topic "a/b", packet identifier 10 (and an empty property block in 5.0).
        var packet = new MqttPublishPacket { Topic = "a/b", QualityOfService = MqttQualityOfService.AtLeastOnce, PacketIdentifier = 10 };

        Assert.Equal(Hex.Packet("32", expected), Hex.Of(Codec.RoundTrip(packet, version)));
    }

    private static MqttConnectPacket ExampleConnect(MqttProtocolVersion version, MqttProperties properties) => new()
    {
        ProtocolVersion = version,
        ClientId = "c",
        CleanSession = true,
        KeepAliveSeconds = 10,
        UserName = "u",
        Password = new byte[] { 1 },
        Will = new MqttWillMessage { Topic = "w", QualityOfService = MqttQualityOfService.AtLeastOnce },
        Properties = properties,
    };
}
