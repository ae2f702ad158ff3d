using System.Security.Cryptography;
using System.Text;

namespace GreenCompute.Web.Accounts;

/// <summary>
/// API keys: "gck_" + 32 random bytes (base64url). Only a SHA-256 of the key is stored: a key has 256 bits of
/// entropy, so a slow password hash would add nothing but latency to every API call. The first 12 characters
/// (stored in clear) find the row; the hash is compared in fixed time.
/// </summary>
internal static class ApiKeys
{
    public const string Prefix = "gck_";
    public const int LookupLength = 12;

    public static string Create() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Lookup(string key) => key.Length >= LookupLength ? key[..LookupLength] : key;

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));

    public static bool LooksValid(string? key) => key is { Length: > LookupLength } && key.StartsWith(Prefix, StringComparison.Ordinal);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
