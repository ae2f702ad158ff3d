using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Support;

namespace GreenCompute.Mqtt.Tests.Properties;

public sealed class MqttPropertiesTests
{
    [Theory]
    [InlineData("0500")] // 0x05 is not assigned
    [InlineData("0000")]
    [InlineData("2b00")] // one past the last identifier
    [InlineData("800100")] // identifier 128 as a two-byte variable byte integer
    public void PropertyIdentifier_Unknown_IsMalformed(string properties)
    {
        var error = Codec.DecodeFails(Hex.V5Publish(properties), MqttProtocolVersion.V500);

        Assert.Equal(MqttReasonCode.MalformedPacket, error.ReasonCode);
        Assert.Contains("Unknown property", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1100000001")] // session expiry interval
    [InlineData("2101")] // receive maximum, and its value cut short
    [InlineData("1f0000")] // reason string
    [InlineData("1801020304")] // will delay interval outside a will
    public void Property_NotValidInPublish_IsMalformed(string properties)
    {
        Assert.Equal(MqttReasonCode.MalformedPacket, Codec.DecodeFails(Hex.V5Publish(properties), MqttProtocolVersion.V500).ReasonCode);
    }

    [Theory]
    [InlineData("0101 0100")]
    [InlineData("0300016103000162")]
    [InlineData("230001 230002")]
    [InlineData("090000 090000")]
    public void Property_Duplicate_IsProtocolError(string properties)
    {
        var error = Codec.DecodeFails(Hex.V5Publish(properties), MqttProtocolVersion.V500);

        Assert.Equal(MqttReasonCode.ProtocolError, error.ReasonCode);
        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatableProperties_InPublish_KeepOrder()
    {
        var packet = (MqttPublishPacket)Codec.Decode(Hex.V5Publish("26 0001 6b 0001 31  0b 05  26 0001 6b 0001 32  0b 7f"), MqttProtocolVersion.V500);

        Assert.Equal([new MqttUserProperty("k", "1"), new MqttUserProperty("k", "2")], packet.Properties.UserProperties);
        Assert.Equal([5u, 127u], packet.Properties.SubscriptionIdentifiers);
        Assert.Equal(
            [MqttPropertyId.UserProperty, MqttPropertyId.SubscriptionIdentifier, MqttPropertyId.UserProperty, MqttPropertyId.SubscriptionIdentifier],
            packet.Properties.Items.Select(p => p.Id));
    }

    [Fact]
    public void SubscriptionIdentifier_TwiceInSubscribe_IsProtocolError()
    {
        var error = Codec.DecodeFails(Hex.Packet("82", "0001 04 0b01 0b02 0001 61 00"), MqttProtocolVersion.V500);

        Assert.Equal(MqttReasonCode.ProtocolError, error.ReasonCode);
    }

    [Theory]
    [InlineData("230000")] // topic alias 0
    [InlineData("0b00")] // subscription identifier 0
    public void PublishPropertyValue_Zero_IsProtocolError(string properties)
    {
        Assert.Equal(MqttReasonCode.ProtocolError, Codec.DecodeFails(Hex.V5Publish(properties), MqttProtocolVersion.V500).ReasonCode);
    }

    [Theory]
    [InlineData("2402")] // maximum QoS 2
    [InlineData("2502")] // retain available 2
    [InlineData("2802")]
    [InlineData("2902")]
    [InlineData("2a02")]
    public void ConnAckPropertyValue_NotZeroOrOne_IsProtocolError(string property)
    {
        var body = "0000 " + (Hex.Bytes(property).Length).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + property;

        Assert.Equal(MqttReasonCode.ProtocolError, Codec.DecodeFails(Hex.Packet("20", body), MqttProtocolVersion.V500).ReasonCode);
    }

    [Theory]
    [InlineData("3004 0001 61 05")] // property length 5, nothing follows
    [InlineData("3006 0001 61 03 0200")] // four byte integer cut short inside the block
    [InlineData("3007 0001 61 80808080")] // property length never ends
    public void PropertyBlock_Truncated_IsMalformed(string hex)
    {
        Assert.Equal(MqttReasonCode.MalformedPacket, Codec.DecodeFails(hex, MqttProtocolVersion.V500).ReasonCode);
    }

    [Fact]
    public void TypedSetters_ObjectInitializer_SetOrderAndReplaceInPlace()
    {
        var properties = new MqttProperties { ReceiveMaximum = 1, ContentType = "a", TopicAliasMaximum = 2 };
        var changed = new MqttProperties(properties.Items) { ContentType = null };

        Assert.Equal([MqttPropertyId.ReceiveMaximum, MqttPropertyId.ContentType, MqttPropertyId.TopicAliasMaximum], properties.Items.Select(p => p.Id));
        Assert.Equal([MqttPropertyId.ReceiveMaximum, MqttPropertyId.TopicAliasMaximum], changed.Items.Select(p => p.Id));
        Assert.Equal("a", properties.ContentType);
        Assert.Null(properties.SessionExpiryInterval);
        Assert.Empty(properties.UserProperties);
    }

    [Fact]
    public void Factories_WrongTypeOrRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MqttProperty.FromInteger(MqttPropertyId.TopicAlias, 70_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => MqttProperty.FromInteger(MqttPropertyId.SubscriptionIdentifier, 268_435_456));
        Assert.Throws<ArgumentException>(() => MqttProperty.FromString(MqttPropertyId.TopicAlias, "x"));
        Assert.Throws<ArgumentException>(() => MqttProperty.FromBinary(MqttPropertyId.ContentType, new byte[1]));
        Assert.Throws<ArgumentException>(() => MqttProperty.FromInteger((MqttPropertyId)0x05, 1));
    }

    [Fact]
    public void Encoder_DuplicateOrMisplacedProperty_Throws()
    {
        var encoder = new Mqtt.Formatting.MqttPacketEncoder(MqttProtocolVersion.V500);
        var duplicate = new MqttProperties([MqttProperty.FromString(MqttPropertyId.ContentType, "a"), MqttProperty.FromString(MqttPropertyId.ContentType, "b")]);

        var twice = Assert.Throws<MqttProtocolException>(() => encoder.Encode(new MqttPublishPacket { Topic = "t", Properties = duplicate }));
        var misplaced = Assert.Throws<MqttProtocolException>(() =>
            encoder.Encode(new MqttConnectPacket { ProtocolVersion = MqttProtocolVersion.V500, Properties = new MqttProperties { TopicAlias = 1 } }));
        var zero = Assert.Throws<MqttProtocolException>(() =>
            encoder.Encode(new MqttPublishPacket { Topic = "t", Properties = new MqttProperties { TopicAlias = 0 } }));

        Assert.Equal(MqttReasonCode.ProtocolError, twice.ReasonCode);
        Assert.Equal(MqttReasonCode.MalformedPacket, misplaced.ReasonCode);
        Assert.Equal(MqttReasonCode.ProtocolError, zero.ReasonCode);
    }
}
