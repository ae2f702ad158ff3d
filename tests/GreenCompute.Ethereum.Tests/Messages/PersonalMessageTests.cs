using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Messages;
using GreenCompute.Ethereum.Signing;
using GreenCompute.Ethereum.Tests.Vectors;

namespace GreenCompute.Ethereum.Tests.Messages;

public class PersonalMessageTests
{
    [Fact]
    public void Sign_Web3JsDocsExample_ByteIdentical()
    {
        // web3.js docs, web3.eth.accounts.sign('Some data', key).
        var key = PrivateKey.FromHex("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");

        var signature = PersonalMessage.Sign("Some data", key);

        Assert.Equal("0x1da44b586eb0729ff70a73c326926f6ed5a25f5b056e7f47fbc6e58d86871655", TestHex.Of(PersonalMessage.Hash("Some data")));
        Assert.Equal(
            "0xb91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd6007e74cd82e037b800186422fc2da167c747ef045e5d18a5f5d4300f8e1a0291c",
            TestHex.Of(signature));
        Assert.Equal(key.Address, PersonalMessage.RecoverSigner("Some data", signature));
    }

    [Fact]
    public void Hash_ViemDocsExample_MatchesForTextAndBytes()
    {
        const string expected = "0xd9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68";

        Assert.Equal(expected, TestHex.Of(PersonalMessage.Hash("hello world")));
        Assert.Equal(expected, TestHex.Of(PersonalMessage.Hash(HexConverter.FromHex("0x68656c6c6f20776f726c64"))));
    }

    [Fact]
    public void RecoverSigner_OtherMessage_GivesOtherAddress()
    {
        var key = PrivateKey.FromHex("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
        var signature = PersonalMessage.Sign("Some data", key);

        Assert.NotEqual(key.Address, PersonalMessage.RecoverSigner("Some date", signature));
    }
}
