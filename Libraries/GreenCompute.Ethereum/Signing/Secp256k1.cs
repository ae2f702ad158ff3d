using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace GreenCompute.Ethereum.Signing;

/// <summary>The secp256k1 curve (SEC 2) as BouncyCastle objects, plus conversions to System.Numerics.</summary>
internal static class Secp256k1
{
    public static X9ECParameters Curve { get; } = CustomNamedCurves.GetByName("secp256k1");

    public static ECDomainParameters Domain { get; } = new(Curve.Curve, Curve.G, Curve.N, Curve.H);

    public static BcBigInteger N => Curve.N;

    /// <summary>N / 2: Ethereum (EIP-2, Homestead) only accepts s ≤ N/2, so signers emit the low s.</summary>
    public static BcBigInteger HalfN { get; } = Curve.N.ShiftRight(1);

    /// <summary>The field prime p.</summary>
    public static BcBigInteger P { get; } = Curve.Curve.Field.Characteristic;

    public static BcBigInteger ToBc(System.Numerics.BigInteger value) =>
        new(1, value.IsZero ? [0] : value.ToByteArray(isUnsigned: true, isBigEndian: true));

    public static System.Numerics.BigInteger FromBc(BcBigInteger value) =>
        new(value.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);
}
