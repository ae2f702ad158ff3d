using System.Buffers;

namespace GreenCompute.Core.Ledger;

/// <summary>Shape checks for the 0x-hex texts receipts carry (the core does no cryptography).</summary>
internal static class HexText
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>The address in lower case, or null when it is not 0x + 40 hex digits.</summary>
    public static string? NormalizeAddress(string? text) => IsHex(text, 40) ? text!.ToLowerInvariant() : null;

    public static bool IsHash(string? text) => IsHex(text, 64);

    private static bool IsHex(string? text, int digits) =>
        text is not null
        && text.Length == digits + 2
        && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        && !text.AsSpan(2).ContainsAnyExcept(HexDigits);
}
