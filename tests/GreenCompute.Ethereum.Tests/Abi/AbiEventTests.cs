using System.Numerics;
using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Tests.Vectors;

namespace GreenCompute.Ethereum.Tests.Abi;

public class AbiEventTests
{
    [Fact]
    public void DecodeLog_SpecTransferExample_GivesIndexedAndDataValues()
    {
        var vector = VectorFiles.Load("solidity_abi_spec_examples.json").GetProperty("event");
        var transfer = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");
        var log = vector.GetProperty("example_log");
        var topics = log.GetProperty("topics").EnumerateArray().Select(t => TestHex.Bytes(t.GetString()!)).ToList();

        var values = transfer.DecodeLog(topics, TestHex.Bytes(log.GetProperty("data").GetString()!));

        Assert.Equal(vector.GetProperty("signature").GetString(), transfer.Signature);
        Assert.Equal(vector.GetProperty("topic0").GetString(), TestHex.Of(transfer.Topic0));
        Assert.Equal(Address.Parse(vector.GetProperty("args")[0].GetString()!), values[0]);
        Assert.Equal(Address.Parse(vector.GetProperty("args")[1].GetString()!), values[1]);
        Assert.Equal(BigInteger.Parse(vector.GetProperty("args")[2].GetString()!), values[2]);
        Assert.Equal(topics[1], AbiEvent.EncodeTopic(AbiType.Address, values[0]));
    }

    [Fact]
    public void DecodeLog_IndexedString_ReturnsItsHash()
    {
        var named = AbiEvent.Parse("event Named(string indexed name, bytes data)");
        var hash = Keccak256.HashUtf8("heater-7");
        var data = AbiEncoder.Encode(named.Parameters.Where(p => !p.Indexed).ToList(), [new byte[] { 1, 2 }]);

        var values = named.DecodeLog([named.Topic0, hash], data);

        Assert.Equal(hash, values[0]);
        Assert.Equal(new byte[] { 1, 2 }, values[1]);
        Assert.Equal(hash, AbiEvent.EncodeTopic(AbiType.String, "heater-7"));
    }

    [Fact]
    public void DecodeLog_AnonymousEvent_HasNoTopic0()
    {
        var anonymous = AbiEvent.Parse("event Ping(uint8 indexed level) anonymous");

        var values = anonymous.DecodeLog([AbiEvent.EncodeTopic(AbiType.UInt(8), 7)], []);

        Assert.True(anonymous.Anonymous);
        Assert.Equal(new BigInteger(7), values[0]);
    }

    [Fact]
    public void DecodeLog_WrongTopic0_Throws()
    {
        var transfer = AbiEvent.Parse("Transfer(address indexed from, address indexed to, uint256 value)");
        var approval = AbiEvent.Parse("Approval(address indexed owner, address indexed spender, uint256 value)");
        var word = new byte[32];

        Assert.Throws<AbiException>(() => transfer.DecodeLog([approval.Topic0, word, word], new byte[32]));
    }
}
