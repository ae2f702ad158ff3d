using System.Security.Cryptography;

namespace GreenCompute.EdgeAgent.Pairing;

/// <summary>
/// The claim code an installer types or scans: 12 Crockford base32 characters (60 random bits) as XXXX-XXXX-XXXX —
/// long enough that guessing one while it is pending is hopeless, short enough to read aloud. No I, L, O, U.
/// </summary>
internal static class ClaimCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<char> chars = stackalloc char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{chars[..4]}-{chars[4..8]}-{chars[8..]}";
    }

    /// <summary>Groups of four Crockford characters separated by '-', at least two groups.</summary>
    public static bool IsValid(string? code)
    {
        if (code is null)
        {
            return false;
        }

        var groups = code.Split('-');
        return groups.Length >= 2 && groups.All(g => g.Length == 4 && g.All(c => Alphabet.Contains(c, StringComparison.Ordinal)));
    }
}
