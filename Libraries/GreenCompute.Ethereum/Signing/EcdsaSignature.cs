using System.Numerics;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.Signing;

/// <summary>
/// A secp256k1 signature (r, s) with the recovery id (0 or 1: parity of the y of the nonce point) that lets the
/// public key be recovered. Signatures made here always have a low s (s ≤ n/2).
/// </summary>
public readonly record struct EcdsaSignature(BigInteger R, BigInteger S, byte RecoveryId)
{
    /// <summary>65 bytes r ‖ s ‖ v with v = 27 + recovery id, the personal_sign / eth_signTypedData form.</summary>
    public byte[] ToRsv()
    {
        var result = new byte[65];
        UnsignedBigEndian.ToFixedBytes(R, 32).CopyTo(result, 0);
        UnsignedBigEndian.ToFixedBytes(S, 32).CopyTo(result, 32);
        result[64] = (byte)(27 + RecoveryId);
        return result;
    }

    /// <summary>Reads r ‖ s ‖ v; v may be 27/28 or 0/1.</summary>
    public static EcdsaSignature FromRsv(ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 65)
        {
            throw new FormatException($"An r‖s‖v signature is 65 bytes, got {signature.Length}.");
        }

        var v = signature[64];
        var recoveryId = v switch
        {
            0 or 1 => v,
            27 or 28 => (byte)(v - 27),
            _ => throw new FormatException($"Signature v must be 0, 1, 27 or 28, got {v}."),
        };
        return new EcdsaSignature(UnsignedBigEndian.ToBigInteger(signature[..32]), UnsignedBigEndian.ToBigInteger(signature[32..64]), recoveryId);
    }
}
