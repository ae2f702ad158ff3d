using System.Buffers;
using GreenCompute.Mqtt.Formatting;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Support;

namespace GreenCompute.Mqtt.Tests.Formatting;

public sealed class MqttPacketEncoderTests
{
    private static readonly MqttPacketEncoder V3 = new(MqttProtocolVersion.V311);
    private static readonly MqttPacketEncoder V5 = new(MqttProtocolVersion.V500);

    public static TheoryData<MqttPacket> V5OnlyPackets() =>
    [
        new MqttPubAckPacket { PacketIdentifier = 1, ReasonCode = MqttReasonCode.QuotaExceeded },
        new MqttPubCompPacket { PacketIdentifier = 1, Properties = new MqttProperties { ReasonString = "x" } },
        new MqttConnectPacket { Properties = new MqttProperties { SessionExpiryInterval = 1 } },
        new MqttConnectPacket { Will = new MqttWillMessage { Topic = "w", Properties = new MqttProperties { WillDelayInterval = 1 } } },
        new MqttConnAckPacket { ReasonCode = MqttReasonCode.QuotaExceeded },
        new MqttSubscribePacket { PacketIdentifier = 1, Subscriptions = [new MqttSubscription { TopicFilter = "a", NoLocal = true }] },
        new MqttUnsubAckPacket { PacketIdentifier = 1, ReasonCodes = [MqttReasonCode.Success] },
        new MqttDisconnectPacket { ReasonCode = MqttReasonCode.ServerBusy },
        new MqttAuthPacket(),
        new MqttPublishPacket { Topic = "t", Properties = new MqttProperties { ContentType = "text/plain" } },
    ];

    [Theory]
    [MemberData(nameof(V5OnlyPackets))]
    public void Encode_V5FeatureWithV311Encoder_Throws(MqttPacket packet)
    {
        Assert.Throws<MqttProtocolException>(() => V3.Encode(packet));
    }

    [Fact]
    public void Encode_PacketIdentifierRules_AreEnforced()
    {
        Assert.Throws<MqttProtocolException>(() => V3.Encode(new MqttPublishPacket { Topic = "t", PacketIdentifier = 5 }));
        Assert.Throws<MqttProtocolException>(() => V3.Encode(new MqttPublishPacket { Topic = "t", QualityOfService = MqttQualityOfService.AtLeastOnce }));
        Assert.Throws<MqttProtocolException>(() => V3.Encode(new MqttPublishPacket { Topic = "t", Dup = true }));
        Assert.Throws<MqttProtocolException>(() => V3.Encode(new MqttPubAckPacket()));
        Assert.Throws<MqttProtocolException>(() => V3.Encode(new MqttSubscribePacket { PacketIdentifier = 1 }));
        Assert.Throws<MqttProtocolException>(() => V3.Encode(new MqttUnsubscribePacket { PacketIdentifier = 1 }));
        Assert.Throws<MqttProtocolException>(() => V5.Encode(new MqttSubAckPacket { PacketIdentifier = 1 }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Encode_InvalidString_IsMalformed(int index)
    {
        // Built here: attribute arguments are stored as UTF-8 and would turn lone surrogates into U+FFFD.
        var topic = new[] { "a\0b", "\ud800", "a\udc00b" }[index];

        var error = Assert.Throws<MqttProtocolException>(() => V3.Encode(new MqttPublishPacket { Topic = topic }));

        Assert.Equal(MqttReasonCode.MalformedPacket, error.ReasonCode);
    }

    [Fact]
    public void Encode_StringOrBinaryOver65535Bytes_IsMalformed()
    {
        var longTopic = new string('é', 32_768); // 65,536 UTF-8 bytes
        var exactly = new string('a', 65_535);

        Assert.Throws<MqttProtocolException>(() => V3.Encode(new MqttPublishPacket { Topic = longTopic }));
        Assert.Throws<MqttProtocolException>(() => V3.Encode(new MqttConnectPacket { UserName = "u", Password = new byte[65_536] }));
        Assert.Equal(2 + 3 + 2 + 65_535, V3.GetEncodedSize(new MqttPublishPacket { Topic = exactly }) + 1);
    }

    [Fact]
    public void Encode_TopicRules_AreEnforced()
    {
        Assert.Equal(MqttReasonCode.TopicNameInvalid, Assert.Throws<MqttProtocolException>(() => V3.Encode(new MqttPublishPacket { Topic = "a/+" })).ReasonCode);
        Assert.Equal(MqttReasonCode.ProtocolError, Assert.Throws<MqttProtocolException>(() => V5.Encode(new MqttPublishPacket { Topic = "" })).ReasonCode);
        Assert.NotEmpty(V5.Encode(new MqttPublishPacket { Topic = "", Properties = new MqttProperties { TopicAlias = 1 } }));
    }

    [Fact]
    public void Encode_ConnectForOtherVersion_Throws()
    {
        Assert.Throws<MqttProtocolException>(() => V5.Encode(new MqttConnectPacket { ProtocolVersion = MqttProtocolVersion.V311 }));
    }

    [Fact]
    public void Encode_BufferWriter_MatchesArrayAndSize()
    {
        foreach (var packet in SamplePackets.V5())
        {
            var output = new ArrayBufferWriter<byte>(1);
            var written = V5.Encode(packet, output);

            Assert.Equal(V5.Encode(packet), output.WrittenSpan.ToArray());
            Assert.Equal(written, V5.GetEncodedSize(packet));
        }
    }

    [Theory]
    [InlineData(0, "3005")]
    [InlineData(122, "307f")]
    [InlineData(123, "308001")]
    [InlineData(16_378, "30ff7f")]
    [InlineData(16_379, "30808001")]
    [InlineData(2_097_146, "30ffff7f")]
    [InlineData(2_097_147, "3080808001")]
    public void Encode_PayloadAcrossLengthBoundaries_UsesMinimalRemainingLength(int payloadLength, string header)
    {
        var packet = new MqttPublishPacket { Topic = "a/b", Payload = new byte[payloadLength] };

        var bytes = Codec.RoundTrip(packet, MqttProtocolVersion.V311);

        Assert.StartsWith(header, Hex.Of(bytes.AsSpan(0, header.Length / 2)), StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_Ping_IsTwoBytes()
    {
        Assert.Equal("c000", Hex.Of(V3.Encode(MqttPingReqPacket.Instance)));
        Assert.Equal("d000", Hex.Of(V5.Encode(MqttPingRespPacket.Instance)));
        Assert.Equal("e000", Hex.Of(V5.Encode(new MqttDisconnectPacket())));
        Assert.Equal("f000", Hex.Of(V5.Encode(new MqttAuthPacket())));
        Assert.Equal("e00104", Hex.Of(V5.Encode(new MqttDisconnectPacket { ReasonCode = MqttReasonCode.DisconnectWithWillMessage })));
        Assert.Equal("f0021800", Hex.Of(V5.Encode(new MqttAuthPacket { ReasonCode = MqttReasonCode.ContinueAuthentication })));
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public void Encode_PublishIntoBufferWriter_AllocatesNothing(MqttProtocolVersion version)
    {
        var encoder = new MqttPacketEncoder(version);
        var packet = new MqttPublishPacket
        {
            Topic = "heaters/7/power",
            QualityOfService = MqttQualityOfService.AtLeastOnce,
            PacketIdentifier = 9,
            Payload = new byte[100],
            Properties = version == MqttProtocolVersion.V500
                ? new MqttProperties { TopicAlias = 2, UserProperties = [new("k", "v")] }
                : MqttProperties.Empty,
        };
        var output = new ArrayBufferWriter<byte>(4096);
        encoder.Encode(packet, output);
        output.ResetWrittenCount();
        var before = GC.GetAllocatedBytesForCurrentThread();

        for (var i = 0; i < 20; i++)
        {
            encoder.Encode(packet, output);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
