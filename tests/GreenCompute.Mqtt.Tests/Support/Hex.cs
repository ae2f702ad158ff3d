namespace GreenCompute.Mqtt.Tests.Support;

internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    /// <summary>A packet from its first byte and body, with the remaining length computed (bodies under 128 bytes).</summary>
    public static string Packet(string firstByte, string body)
    {
        var length = Bytes(body).Length;
        Assert.True(length < 128, "test helper handles one-byte remaining lengths only");
        return firstByte + length.ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + body.Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>MQTT 5 QoS 0 PUBLISH to topic "a" with the given property bytes and no payload.</summary>
    public static string V5Publish(string properties)
    {
        var length = Bytes(properties).Length;
        return Packet("30", "0001 61 " + length.ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + properties);
    }
}
