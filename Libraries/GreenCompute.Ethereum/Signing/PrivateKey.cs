using GreenCompute.Ethereum.Hex;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Security;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace GreenCompute.Ethereum.Signing;

/// <summary>
/// A secp256k1 private key. <see cref="Sign"/> is deterministic ECDSA (RFC 6979, HMAC-SHA256 nonces) with low s,
/// so the same key and hash always give the same signature — byte-identical to ethers and Nethereum.
/// <see cref="ToString"/> never prints the secret.
/// </summary>
public sealed class PrivateKey
{
    private readonly BcBigInteger _d;

    private PrivateKey(BcBigInteger d)
    {
        if (d.SignValue <= 0 || d.CompareTo(Secp256k1.N) >= 0)
        {
            throw new ArgumentException("A private key is an integer in [1, n − 1].");
        }

        _d = d;
        PublicKey = new PublicKey(new FixedPointCombMultiplier().Multiply(Secp256k1.Curve.G, d));
    }

    public PublicKey PublicKey { get; }

    public Address Address => PublicKey.Address;

    public static PrivateKey FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 32 ? new PrivateKey(new BcBigInteger(1, bytes.ToArray())) : throw new ArgumentException("A private key is 32 bytes.", nameof(bytes));

    public static PrivateKey FromHex(string hex) => FromBytes(HexConverter.FromHex(hex));

    /// <summary>A new random key from the system's cryptographic random source.</summary>
    public static PrivateKey Generate()
    {
        var random = new SecureRandom();
        while (true)
        {
            var candidate = new BcBigInteger(256, random);
            if (candidate.SignValue > 0 && candidate.CompareTo(Secp256k1.N) < 0)
            {
                return new PrivateKey(candidate);
            }
        }
    }

    /// <summary>The 32 secret bytes. Handle with care.</summary>
    public byte[] ToBytes()
    {
        var bytes = _d.ToByteArrayUnsigned();
        var result = new byte[32];
        bytes.CopyTo(result, 32 - bytes.Length);
        return result;
    }

    /// <summary>Signs a 32-byte hash: RFC 6979 nonce, s normalised to the lower half, recovery id found by recovery.</summary>
    public EcdsaSignature Sign(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != 32)
        {
            throw new ArgumentException("Sign a 32-byte hash.", nameof(hash));
        }

        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(_d, Secp256k1.Domain));
        var rs = signer.GenerateSignature(hash.ToArray());
        var s = rs[1].CompareTo(Secp256k1.HalfN) > 0 ? Secp256k1.N.Subtract(rs[1]) : rs[1];
        var r = Secp256k1.FromBc(rs[0]);
        var lowS = Secp256k1.FromBc(s);
        for (byte recoveryId = 0; recoveryId < 4; recoveryId++)
        {
            var candidate = new EcdsaSignature(r, lowS, recoveryId);
            if (PublicKey.Equals(PublicKey.TryRecover(hash, candidate)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No recovery id reproduces the signing key.");
    }

    public override string ToString() => $"PrivateKey({Address})";
}
