using System.Numerics;
using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Signing;
using GreenCompute.Ethereum.Tests.Vectors;

namespace GreenCompute.Ethereum.Tests.Signing;

public class PrivateKeyTests
{
    [Fact]
    public void Address_EthersAccounts_MatchAllChecksummed()
    {
        const string file = "ethers/accounts.json.gz";
        var failures = new List<string>();
        var total = 0;
        foreach (var account in VectorFiles.Load(file).EnumerateArray())
        {
            total++;
            var key = PrivateKey.FromHex(account.GetProperty("privateKey").GetString()!);
            if (key.Address.ToString() != account.GetProperty("address").GetString())
            {
                failures.Add(account.GetProperty("name").GetString()!);
            }
        }

        Assert.Equal(259, total);
        VectorAssert.AllPass(file, total, failures);
    }

    /// <remarks>
    /// Only key and address are checked. The file's "sig_of_emptystring" (2014 pyethereum) recovers to neither
    /// address for any hash tried (keccak256(""), SHA-256(""), SHA3-256(""), 32 zero bytes, personal_sign of ""),
    /// so what it signed is unknown and it cannot be a vector.
    /// </remarks>
    [Fact]
    public void KeyAndAddress_EthereumTestsKeyAddr_MatchAll()
    {
        const string file = "ethereum-tests/BasicTests/keyaddrtest.json";
        var failures = new List<string>();
        var total = 0;
        foreach (var test in VectorFiles.Load(file).EnumerateArray())
        {
            total++;
            var seed = test.GetProperty("seed").GetString()!;
            // The key is keccak256 of the seed ("brain wallet").
            var key = PrivateKey.FromBytes(Keccak256.HashUtf8(seed));
            if (TestHex.Of(key.ToBytes()) != "0x" + test.GetProperty("key").GetString()
                || key.Address != Address.Parse("0x" + test.GetProperty("addr").GetString()))
            {
                failures.Add(seed);
            }
        }

        Assert.Equal(2, total);
        VectorAssert.AllPass(file, total, failures);
    }

    [Fact]
    public void Sign_AnyHash_GivesLowSAndRecoversSigner()
    {
        var key = PrivateKey.Generate();
        var halfN = BigInteger.Parse("57896044618658097711785492504343953926418782139537452191302581570759080747168");
        for (var i = 0; i < 16; i++)
        {
            var hash = Keccak256.Hash([(byte)i]);

            var signature = key.Sign(hash);

            Assert.True(signature.S <= halfN);
            Assert.Equal(key.PublicKey, PublicKey.Recover(hash, signature));
            Assert.True(key.PublicKey.Verify(hash, signature));
        }
    }

    [Fact]
    public void Sign_SameHashTwice_IsDeterministic()
    {
        var key = PrivateKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        var hash = Keccak256.HashUtf8("heat");

        Assert.Equal(key.Sign(hash), key.Sign(hash));
    }

    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    public void FromHex_OutOfRange_Throws(string hex) => Assert.Throws<ArgumentException>(() => PrivateKey.FromHex(hex));

    [Fact]
    public void ToString_DoesNotRevealSecret()
    {
        var key = PrivateKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");

        Assert.DoesNotContain("4646464646", key.ToString(), StringComparison.Ordinal);
    }
}
