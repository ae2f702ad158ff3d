using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Support;

namespace GreenCompute.Mqtt.Tests.Formatting;

public sealed class RoundTripTests
{
    public static TheoryData<MqttProtocolVersion, int> Cases()
    {
        var data = new TheoryData<MqttProtocolVersion, int>();
        foreach (var version in new[] { MqttProtocolVersion.V310, MqttProtocolVersion.V311, MqttProtocolVersion.V500 })
        {
            var count = SamplePackets.For(version).Count();
            for (var i = 0; i < count; i++)
            {
                data.Add(version, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Packet_EncodeDecodeReencode_IsIdentical(MqttProtocolVersion version, int index)
    {
        var packet = SamplePackets.For(version).ElementAt(index);

        Codec.RoundTrip(packet, version);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public void Samples_EveryPacketType_IsCovered(MqttProtocolVersion version)
    {
        var types = SamplePackets.For(version).Select(p => p.Type).ToHashSet();
        var expected = Enum.GetValues<MqttPacketType>().Where(t => version == MqttProtocolVersion.V500 || t != MqttPacketType.Auth);

        Assert.True(expected.All(types.Contains), $"missing: {string.Join(", ", expected.Where(t => !types.Contains(t)))}");
    }

    [Fact]
    public void Properties_OrderAsSet_IsKeptOnTheWire()
    {
        var packet = new MqttConnAckPacket
        {
            Properties = new Mqtt.Properties.MqttProperties { TopicAliasMaximum = 10, ServerKeepAlive = 4, ReceiveMaximum = 20 },
        };

        // mosquitto's CONNACK from 01-server-keepalive-pingreq: 22 000a, 13 0004, 21 0014.
        Assert.Equal("200c00000922000a130004210014", Hex.Of(Codec.RoundTrip(packet, MqttProtocolVersion.V500)));
    }

    [Fact]
    public void PacketAssert_DifferentPayload_Fails()
    {
        var a = new MqttPublishPacket { Topic = "t", Payload = new byte[] { 1 } };
        var b = a with { Payload = new byte[] { 2 } };

        Assert.ThrowsAny<Exception>(() => PacketAssert.Equal(a, b));
    }
}
