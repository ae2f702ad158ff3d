using System.Globalization;
using System.Numerics;

namespace GreenCompute.Ethereum.Hex;

/// <summary>
/// Hex text for byte strings ("0x"-prefixed, two digits per byte, lower case out) and for JSON-RPC quantities
/// ("0x0", no leading zeros).
/// </summary>
public static class HexConverter
{
    /// <summary>Lower-case hex of <paramref name="bytes"/>, "0x"-prefixed unless told otherwise.</summary>
    public static string ToHex(ReadOnlySpan<byte> bytes, bool prefix = true)
    {
        var digits = Convert.ToHexStringLower(bytes);
        return prefix ? "0x" + digits : digits;
    }

    /// <summary>Bytes of an even-length hex string; the "0x" prefix is optional, either case is accepted.</summary>
    /// <exception cref="FormatException">Odd length or a non-hex character.</exception>
    public static byte[] FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = StripPrefix(hex);
        if (digits.Length % 2 != 0)
        {
            throw new FormatException($"Hex string has an odd number of digits: '{Shorten(hex)}'.");
        }

        try
        {
            return Convert.FromHexString(digits);
        }
        catch (FormatException)
        {
            throw new FormatException($"Not a hex string: '{Shorten(hex)}'.");
        }
    }

    /// <summary>JSON-RPC quantity: "0x" and the shortest hex digits ("0x0" for zero).</summary>
    public static string ToQuantity(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "A quantity is never negative.");
        }

        if (value.IsZero)
        {
            return "0x0";
        }

        return "0x" + Convert.ToHexStringLower(value.ToByteArray(isUnsigned: true, isBigEndian: true)).TrimStart('0');
    }

    /// <summary>Parses a JSON-RPC quantity ("0x" and hex digits, any number of them).</summary>
    public static BigInteger ParseQuantity(string quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        if (!quantity.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || quantity.Length == 2)
        {
            throw new FormatException($"Not a hex quantity: '{Shorten(quantity)}'.");
        }

        // A leading "0" keeps BigInteger.Parse from reading the top bit as a sign.
        if (!BigInteger.TryParse("0" + quantity[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"Not a hex quantity: '{Shorten(quantity)}'.");
        }

        return value;
    }

    internal static ReadOnlySpan<char> StripPrefix(string hex) =>
        hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
