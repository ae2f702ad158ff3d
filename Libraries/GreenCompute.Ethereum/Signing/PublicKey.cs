using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Hex;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace GreenCompute.Ethereum.Signing;

/// <summary>A secp256k1 public key; its <see cref="Address"/> is the last 20 bytes of keccak256(x ‖ y).</summary>
public sealed class PublicKey : IEquatable<PublicKey>
{
    private readonly byte[] _uncompressed;

    internal PublicKey(ECPoint point)
    {
        Point = point.Normalize();
        _uncompressed = Point.GetEncoded(compressed: false);
        Address = Address.FromBytes(Keccak256.Hash(_uncompressed.AsSpan(1))[12..]);
    }

    public Address Address { get; }

    internal ECPoint Point { get; }

    /// <summary>Reads 65 bytes (0x04 ‖ x ‖ y), 64 bytes (x ‖ y) or 33 bytes (compressed).</summary>
    public static PublicKey FromBytes(ReadOnlySpan<byte> bytes)
    {
        byte[] encoded = bytes.Length == 64 ? [0x04, .. bytes] : bytes.ToArray();
        try
        {
            var point = Secp256k1.Curve.Curve.DecodePoint(encoded);
            return point.IsInfinity ? throw new FormatException("Public key is the point at infinity.") : new PublicKey(point);
        }
        catch (ArgumentException e)
        {
            throw new FormatException("Not a secp256k1 public key.", e);
        }
    }

    /// <summary>
    /// Recovers the signer's key from a 32-byte hash and a signature (SEC 1 v2 §4.1.6).
    /// </summary>
    /// <exception cref="FormatException">r or s out of range, or no curve point has x = r.</exception>
    public static PublicKey Recover(ReadOnlySpan<byte> hash, EcdsaSignature signature) =>
        TryRecover(hash, signature) ?? throw new FormatException("No public key can be recovered from this signature.");

    /// <summary>65 bytes: 0x04 ‖ x ‖ y.</summary>
    public byte[] ToUncompressedBytes() => (byte[])_uncompressed.Clone();

    public byte[] ToCompressedBytes() => Point.GetEncoded(compressed: true);

    /// <summary>Checks an ECDSA signature over a 32-byte hash (high s is accepted here; transaction rules are stricter).</summary>
    public bool Verify(ReadOnlySpan<byte> hash, EcdsaSignature signature)
    {
        var verifier = new ECDsaSigner();
        verifier.Init(false, new ECPublicKeyParameters(Point, Secp256k1.Domain));
        return verifier.VerifySignature(hash.ToArray(), Secp256k1.ToBc(signature.R), Secp256k1.ToBc(signature.S));
    }

    public bool Equals(PublicKey? other) => other is not null && _uncompressed.AsSpan().SequenceEqual(other._uncompressed);

    public override bool Equals(object? obj) => Equals(obj as PublicKey);

    public override int GetHashCode() => Address.GetHashCode();

    public override string ToString() => HexConverter.ToHex(_uncompressed);

    internal static PublicKey? TryRecover(ReadOnlySpan<byte> hash, EcdsaSignature signature)
    {
        if (hash.Length != 32)
        {
            throw new ArgumentException("Recovery needs a 32-byte hash.", nameof(hash));
        }

        if (signature.RecoveryId > 3)
        {
            return null;
        }

        var n = Secp256k1.N;
        var r = Secp256k1.ToBc(signature.R);
        var s = Secp256k1.ToBc(signature.S);
        if (r.SignValue <= 0 || r.CompareTo(n) >= 0 || s.SignValue <= 0 || s.CompareTo(n) >= 0)
        {
            return null;
        }

        // x = r + j·n for j = recoveryId / 2; x must be a field element.
        var x = r.Add(n.Multiply(BcBigInteger.ValueOf(signature.RecoveryId / 2)));
        if (x.CompareTo(Secp256k1.P) >= 0)
        {
            return null;
        }

        ECPoint rPoint;
        try
        {
            var xBytes = x.ToByteArrayUnsigned();
            var compressed = new byte[33];
            compressed[0] = (byte)((signature.RecoveryId & 1) == 0 ? 0x02 : 0x03);
            xBytes.CopyTo(compressed, 33 - xBytes.Length);
            rPoint = Secp256k1.Curve.Curve.DecodePoint(compressed);
        }
        catch (ArgumentException)
        {
            return null;
        }

        // Q = r⁻¹ (s·R − e·G). secp256k1 has cofactor 1, so R is in the group whenever it is on the curve.
        var e = new BcBigInteger(1, hash.ToArray());
        var rInverse = r.ModInverse(n);
        var eNegated = n.Subtract(e).Mod(n);
        var q = ECAlgorithms.SumOfTwoMultiplies(Secp256k1.Curve.G, rInverse.Multiply(eNegated).Mod(n), rPoint, rInverse.Multiply(s).Mod(n));
        return q.IsInfinity ? null : new PublicKey(q);
    }
}
