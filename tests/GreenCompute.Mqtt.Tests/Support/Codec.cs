using GreenCompute.Mqtt.Formatting;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Tests.Support;

/// <summary>Shortcuts for tests: encode, decode and the full round trip with structural comparison.</summary>
internal static class Codec
{
    public static byte[] Encode(MqttPacket packet, MqttProtocolVersion version) => new MqttPacketEncoder(version).Encode(packet);

    public static MqttPacket Decode(string hex, MqttProtocolVersion version) => Decode(Hex.Bytes(hex), version);

    public static MqttPacket Decode(byte[] bytes, MqttProtocolVersion version) =>
        new MqttPacketDecoder(version, MqttPacketDecoder.ProtocolMaximumPacketSize).Decode(bytes);

    public static MqttProtocolException DecodeFails(string hex, MqttProtocolVersion version) =>
        Assert.Throws<MqttProtocolException>(() => Decode(hex, version));

    /// <summary>Encode → decode → equal packet → re-encode → equal bytes; returns the bytes.</summary>
    public static byte[] RoundTrip(MqttPacket packet, MqttProtocolVersion version)
    {
        var bytes = Encode(packet, version);
        var decoded = Decode(bytes, version);
        PacketAssert.Equal(packet, decoded);
        Assert.Equal(Hex.Of(bytes), Hex.Of(Encode(decoded, version)));
        return bytes;
    }
}
