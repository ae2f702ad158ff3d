using System.Numerics;
using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Tests.Vectors;

namespace GreenCompute.Ethereum.Tests.Abi;

public class RevertReasonTests
{
    [Fact]
    public void Decode_ErrorString_GivesMessage()
    {
        // require(false, "Not enough Ether provided.") as the Solidity docs show it.
        var data = TestHex.Bytes(
            "0x08c379a0"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "000000000000000000000000000000000000000000000000000000000000001a"
            + "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000");

        var reason = RevertReason.Decode(data);

        Assert.Equal("Not enough Ether provided.", reason.Message);
        Assert.Equal(data, AbiError.ErrorString.Encode("Not enough Ether provided."));
    }

    [Fact]
    public void Decode_Panic_GivesCode()
    {
        var data = AbiError.Panic.Encode(new BigInteger(0x11));

        var reason = RevertReason.Decode(data);

        Assert.Equal("0x4e487b71", TestHex.Of(data[..4]));
        Assert.Equal(new BigInteger(0x11), reason.PanicCode);
        Assert.Null(reason.Message);
    }

    [Fact]
    public void Decode_CustomError_GivesNamedArguments()
    {
        var insufficient = AbiError.Parse("error InsufficientBalance(uint256 available, uint256 required)");
        var data = insufficient.Encode(new BigInteger(5), new BigInteger(9));

        var reason = RevertReason.Decode(data, [insufficient]);

        Assert.Same(insufficient, reason.Error);
        Assert.Equal([new BigInteger(5), new BigInteger(9)], reason.Arguments.Cast<BigInteger>());
        Assert.Equal("InsufficientBalance(uint256,uint256)", insufficient.Signature);
    }

    [Fact]
    public void Decode_UnknownSelector_KeepsRawData()
    {
        var reason = RevertReason.Decode(TestHex.Bytes("0xdeadbeef"));

        Assert.Null(reason.Error);
        Assert.Equal("0xdeadbeef", TestHex.Of(reason.Data));
    }
}
