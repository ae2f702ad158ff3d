using GreenCompute.Ethereum.Rlp;
using GreenCompute.Ethereum.Tests.Vectors;

namespace GreenCompute.Ethereum.Tests.Rlp;

public class RlpDecoderTests
{
    [Fact]
    public void Decode_EthersVectors_GiveDecodedTree()
    {
        const string file = "ethers/rlp.json.gz";
        var failures = new List<string>();
        var total = 0;
        foreach (var vector in VectorFiles.Load(file).EnumerateArray())
        {
            total++;
            var expected = RlpVectorReader.FromEthers(vector.GetProperty("decoded"));
            if (!RlpDecoder.Decode(TestHex.Bytes(vector.GetProperty("encoded").GetString()!)).ContentEquals(expected))
            {
                failures.Add(vector.GetProperty("name").GetString()!);
            }
        }

        VectorAssert.AllPass(file, total, failures);
    }

    [Fact]
    public void Decode_EthereumTestsValidVectors_GiveInput()
    {
        const string file = "ethereum-tests/RLPTests/rlptest.json";
        var failures = new List<string>();
        var total = 0;
        foreach (var test in VectorFiles.Load(file).EnumerateObject())
        {
            total++;
            var expected = RlpVectorReader.FromEthereumTests(test.Value.GetProperty("in"));
            if (!RlpDecoder.Decode(TestHex.Bytes(test.Value.GetProperty("out").GetString()!)).ContentEquals(expected))
            {
                failures.Add(test.Name);
            }
        }

        VectorAssert.AllPass(file, total, failures);
    }

    [Fact]
    public void Decode_EthereumTestsInvalidVectors_AllThrowRlpException()
    {
        const string file = "ethereum-tests/RLPTests/invalidRLPTest.json";
        var failures = new List<string>();
        var total = 0;
        foreach (var test in VectorFiles.Load(file).EnumerateObject())
        {
            total++;
            var hex = test.Value.GetProperty("out").GetString()!;
            try
            {
                var item = RlpDecoder.Decode(TestHex.Bytes(hex));
                failures.Add($"{test.Name}: accepted as {item}");
            }
            catch (RlpException)
            {
            }
        }

        Assert.Equal(26, total);
        VectorAssert.AllPass(file, total, failures);
    }

    [Fact]
    public void Decode_RandomRlpExample_RoundTrips()
    {
        var failures = new List<string>();
        var total = 0;
        foreach (var test in VectorFiles.Load("ethereum-tests/RLPTests/RandomRLPTests/example.json").EnumerateObject())
        {
            total++;
            var bytes = TestHex.Bytes(test.Value.GetProperty("out").GetString()!);
            if (!RlpEncoder.Encode(RlpDecoder.Decode(bytes)).AsSpan().SequenceEqual(bytes))
            {
                failures.Add(test.Name);
            }
        }

        VectorAssert.AllPass("RandomRLPTests/example.json", total, failures);
    }

    [Theory]
    [InlineData("0x8100", RlpError.NonCanonicalSingleByte)]
    [InlineData("0xb800", RlpError.NonCanonicalLength)]
    [InlineData("0xb90100", RlpError.UnexpectedEnd)]
    [InlineData("0xb90000", RlpError.NonCanonicalLength)]
    [InlineData("0xc5010203", RlpError.UnexpectedEnd)]
    [InlineData("0x8001", RlpError.TrailingBytes)]
    [InlineData("0xc3c38001", RlpError.UnexpectedEnd)]
    [InlineData("0x", RlpError.EmptyInput)]
    public void Decode_NonCanonical_ThrowsTypedError(string hex, RlpError expected)
    {
        var error = Assert.Throws<RlpException>(() => RlpDecoder.Decode(TestHex.Bytes(hex)));

        Assert.Equal(expected, error.Error);
    }

    [Fact]
    public void ToBigInteger_LeadingZero_Throws()
    {
        var item = RlpDecoder.Decode(TestHex.Bytes("0x820001"));

        Assert.Equal(RlpError.NonCanonicalInteger, Assert.Throws<RlpException>(() => item.ToBigInteger()).Error);
    }

    [Fact]
    public void Decode_NestingBeyondMaxDepth_ThrowsTooDeep()
    {
        var item = RlpItem.EmptyList;
        for (var i = 0; i < RlpDecoder.MaxDepth + 1; i++)
        {
            item = RlpItem.FromList(item);
        }

        var error = Assert.Throws<RlpException>(() => RlpDecoder.Decode(RlpEncoder.Encode(item)));

        Assert.Equal(RlpError.TooDeep, error.Error);
    }
}
