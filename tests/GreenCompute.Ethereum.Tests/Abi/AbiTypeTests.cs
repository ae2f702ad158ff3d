using GreenCompute.Ethereum.Abi;

namespace GreenCompute.Ethereum.Tests.Abi;

public class AbiTypeTests
{
    [Theory]
    [InlineData("uint", "uint256")]
    [InlineData("int", "int256")]
    [InlineData("tuple(uint a, string b)[2][]", "(uint256,string)[2][]")]
    [InlineData("((bytes3[2],bool)[],address)", "((bytes3[2],bool)[],address)")]
    public void Parse_Aliases_GiveCanonicalName(string text, string canonical) =>
        Assert.Equal(canonical, AbiType.Parse(text).CanonicalName);

    [Theory]
    [InlineData("uint7")]
    [InlineData("uint264")]
    [InlineData("bytes33")]
    [InlineData("bytes0")]
    [InlineData("uint256[01]")]
    [InlineData("(uint256")]
    [InlineData("strin")]
    public void Parse_Invalid_Throws(string text) => Assert.Throws<AbiException>(() => AbiType.Parse(text));

    [Theory]
    [InlineData("uint256[2]", false)]
    [InlineData("uint256[]", true)]
    [InlineData("(uint256,bytes32)", false)]
    [InlineData("(uint256,bytes)[2]", true)]
    [InlineData("string", true)]
    public void IsDynamic_FollowsSpec(string text, bool dynamic) => Assert.Equal(dynamic, AbiType.Parse(text).IsDynamic);
}
