using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Tests.Vectors;

namespace GreenCompute.Ethereum.Tests.Abi;

public class AbiDecoderTests
{
    private static readonly string Word1 = new string('0', 63) + "1";

    [Theory]
    [InlineData("uint8", "00000000000000000000000000000000000000000000000000000000000001ff")]
    [InlineData("bool", "0000000000000000000000000000000000000000000000000000000000000002")]
    [InlineData("address", "000000000000000000000001cd2a3d9f938e13cd947ec05abc7fe734df8dd826")]
    [InlineData("bytes1", "0101000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("int8", "00000000000000000000000000000000000000000000000000000000000000ff")]
    [InlineData("uint256", "00")]
    public void Decode_DirtyOrShortWord_Throws(string type, string word) =>
        Assert.Throws<AbiException>(() => AbiDecoder.Decode([AbiType.Parse(type)], TestHex.Bytes(word)));

    [Fact]
    public void Decode_OffsetPastEnd_Throws() =>
        Assert.Throws<AbiException>(() => AbiDecoder.Decode([AbiType.Bytes], TestHex.Bytes("00000000000000000000000000000000000000000000000000000000000000ff")));

    [Fact]
    public void Decode_HugeArrayLength_ThrowsInsteadOfAllocating() =>
        Assert.Throws<AbiException>(() => AbiDecoder.Decode(
            [AbiType.Parse("uint256[]")],
            TestHex.Bytes(new string('0', 62) + "20" + "00000000000000000000000000000000000000000000000000000000ffffffff")));

    [Fact]
    public void Decode_BoolTrue_ReturnsTrue() => Assert.Equal(true, AbiDecoder.Decode([AbiType.Bool], TestHex.Bytes(Word1))[0]);
}
