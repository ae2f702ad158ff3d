using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.Tests.Hex;

public class AddressTests
{
    // EIP-55's own examples.
    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void ToString_Eip55Examples_RoundTrip(string checksummed)
    {
        var address = Address.Parse(checksummed.ToLowerInvariant());

        Assert.Equal(checksummed, address.ToString());
        Assert.Equal(address, Address.Parse(checksummed));
        Assert.Equal(address, Address.Parse("0x" + checksummed[2..].ToUpperInvariant()));
    }

    [Fact]
    public void Parse_MixedCaseWithWrongChecksum_Throws()
    {
        // Nethereum's test passes this one; like ethers we refuse it (one letter's case is wrong).
        var error = Assert.Throws<FormatException>(() => Address.Parse("0x12890d2cce102216644c59daE5baed380d84830c"));

        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
        Assert.Equal("0x12890D2cce102216644c59daE5baed380d84830c", Address.Parse("0x12890d2cce102216644c59dae5baed380d84830c").ToString());
    }

    [Theory]
    [InlineData("0x12")]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg")]
    public void TryParse_Malformed_ReturnsFalse(string text) => Assert.False(Address.TryParse(text, out _));

    [Fact]
    public void Default_IsZeroAddress() => Assert.Equal(Address.Zero, default);
}
