using System.Text.RegularExpressions;

namespace GreenCompute.Web.Pairing;

/// <summary>
/// Claim codes as the EdgeAgent prints them (and encodes in its QR): groups of four characters from 0-9 A-Z joined by
/// '-', two to six groups ("XXXX-XXXX" has 36^8 ≈ 2.8e12 values; guessing is also rate-limited per client address).
/// Lower case and surrounding spaces are accepted and normalised.
/// </summary>
internal static partial class ClaimCodes
{
    public static string? Normalize(string? text)
    {
        var code = text?.Trim().ToUpperInvariant();
        return code is not null && Pattern().IsMatch(code) ? code : null;
    }

    public static bool IsDeviceAddress(string? text) => text is not null && AddressPattern().IsMatch(text);

    [GeneratedRegex("^[0-9A-Z]{4}(-[0-9A-Z]{4}){1,5}$")]
    private static partial Regex Pattern();

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex AddressPattern();
}
