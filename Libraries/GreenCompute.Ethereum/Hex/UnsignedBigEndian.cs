using System.Numerics;

namespace GreenCompute.Ethereum.Hex;

/// <summary>Unsigned big-endian byte strings as Ethereum writes integers (RLP, ABI words, signatures).</summary>
internal static class UnsignedBigEndian
{
    /// <summary>Shortest form: zero is the empty string, no leading zero byte.</summary>
    public static byte[] ToMinimalBytes(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Value must not be negative.");
        }

        return value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Left-padded to <paramref name="size"/> bytes.</summary>
    public static byte[] ToFixedBytes(BigInteger value, int size)
    {
        var bytes = ToMinimalBytes(value);
        if (bytes.Length > size)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"Value does not fit in {size} bytes.");
        }

        var result = new byte[size];
        bytes.CopyTo(result, size - bytes.Length);
        return result;
    }

    public static BigInteger ToBigInteger(ReadOnlySpan<byte> bytes) =>
        bytes.IsEmpty ? BigInteger.Zero : new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
}
