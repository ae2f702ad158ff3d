using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace GreenCompute.Ethereum.Hashing;

/// <summary>
/// Ethereum's hash: the original Keccak-256 (padding byte 0x01), not FIPS 202 SHA3-256 (0x06).
/// keccak256("") = c5d24601…5d85a470, SHA3-256("") = a7ffc6f8…80f8434a.
/// </summary>
public static class Keccak256
{
    public const int HashSize = 32;

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new KeccakDigest(256);
        // Portable.BouncyCastle 1.8 digests take arrays only.
        var input = data.ToArray();
        digest.BlockUpdate(input, 0, input.Length);
        var output = new byte[HashSize];
        digest.DoFinal(output, 0);
        return output;
    }

    /// <summary>Hash of the UTF-8 bytes of <paramref name="text"/> (function signatures, EIP-712 type strings).</summary>
    public static byte[] HashUtf8(string text) => Hash(Encoding.UTF8.GetBytes(text));
}
