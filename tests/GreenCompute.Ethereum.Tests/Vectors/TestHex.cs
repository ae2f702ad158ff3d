using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.Tests.Vectors;

internal static class TestHex
{
    public static byte[] Bytes(string hex) => HexConverter.FromHex(hex);

    public static string Of(ReadOnlySpan<byte> bytes) => HexConverter.ToHex(bytes);
}
