using System.Numerics;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.Tests.Hex;

public class HexConverterTests
{
    [Fact]
    public void FromHex_WithOrWithoutPrefix_ReturnsSameBytes()
    {
        Assert.Equal(new byte[] { 0xde, 0xad, 0xBE, 0xef }, HexConverter.FromHex("0xdeadBEEF"));
        Assert.Equal(new byte[] { 0xde, 0xad, 0xbe, 0xef }, HexConverter.FromHex("deadbeef"));
        Assert.Empty(HexConverter.FromHex("0x"));
    }

    [Theory]
    [InlineData("0x123")]
    [InlineData("0xzz")]
    public void FromHex_OddLengthOrNonHex_Throws(string text) =>
        Assert.Throws<FormatException>(() => HexConverter.FromHex(text));

    [Fact]
    public void Quantity_RoundTrip_HasNoLeadingZeros()
    {
        Assert.Equal("0x0", HexConverter.ToQuantity(BigInteger.Zero));
        Assert.Equal("0x400", HexConverter.ToQuantity(1024));
        Assert.Equal("0x7a69", HexConverter.ToQuantity(31337));
        Assert.Equal(new BigInteger(1024), HexConverter.ParseQuantity("0x400"));
        Assert.Equal(BigInteger.Parse("115792089237316195423570985008687907853269984665640564039457584007913129639935"), HexConverter.ParseQuantity("0x" + new string('f', 64)));
    }
}
