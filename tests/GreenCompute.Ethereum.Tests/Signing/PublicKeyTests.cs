using System.Numerics;
using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Signing;
using GreenCompute.Ethereum.Tests.Vectors;

namespace GreenCompute.Ethereum.Tests.Signing;

public class PublicKeyTests
{
    [Fact]
    public void FromBytes_CompressedAndUncompressed_AreSameKey()
    {
        var key = PrivateKey.FromHex("0x0000000000000000000000000000000000000000000000000000000000000001").PublicKey;

        Assert.Equal(key, PublicKey.FromBytes(key.ToCompressedBytes()));
        Assert.Equal(key, PublicKey.FromBytes(key.ToUncompressedBytes()));
        Assert.Equal(key, PublicKey.FromBytes(key.ToUncompressedBytes().AsSpan(1)));
        Assert.Equal("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf", key.Address.ToString());
    }

    [Fact]
    public void Recover_RAboveFieldOrZero_Throws()
    {
        var hash = Keccak256.HashUtf8("x");

        Assert.Throws<FormatException>(() => PublicKey.Recover(hash, new EcdsaSignature(BigInteger.Zero, BigInteger.One, 0)));
        Assert.Throws<FormatException>(() => PublicKey.Recover(hash, new EcdsaSignature(BigInteger.One << 256, BigInteger.One, 0)));
    }

    [Fact]
    public void FromRsv_RoundTripsWithV27()
    {
        var signature = PrivateKey.FromHex("0x0000000000000000000000000000000000000000000000000000000000000002").Sign(Keccak256.HashUtf8("x"));

        var rsv = signature.ToRsv();

        Assert.Equal(27 + signature.RecoveryId, rsv[64]);
        Assert.Equal(signature, EcdsaSignature.FromRsv(rsv));
        Assert.Equal(TestHex.Of(rsv[..64]), TestHex.Of(EcdsaSignature.FromRsv([.. rsv[..64], signature.RecoveryId]).ToRsv()[..64]));
    }
}
