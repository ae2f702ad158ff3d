using GreenCompute.Ethereum.Rlp;
using GreenCompute.Ethereum.Tests.Vectors;

namespace GreenCompute.Ethereum.Tests.Rlp;

public class RlpEncoderTests
{
    [Fact]
    public void Encode_YellowPaperExamples_MatchSpec()
    {
        Assert.Equal("0x83646f67", TestHex.Of(RlpEncoder.Encode(RlpItem.FromUtf8("dog"))));
        Assert.Equal("0xc0", TestHex.Of(RlpEncoder.Encode(RlpItem.EmptyList)));
        Assert.Equal("0x80", TestHex.Of(RlpEncoder.Encode(RlpItem.FromBigInteger(0))));
        Assert.Equal("0x0f", TestHex.Of(RlpEncoder.Encode(RlpItem.FromBigInteger(15))));
        Assert.Equal("0x820400", TestHex.Of(RlpEncoder.Encode(RlpItem.FromBigInteger(1024))));
        Assert.Equal("0xc7c0c1c0c3c0c1c0", TestHex.Of(RlpEncoder.Encode(RlpItem.FromList(
            RlpItem.EmptyList,
            RlpItem.FromList(RlpItem.EmptyList),
            RlpItem.FromList(RlpItem.EmptyList, RlpItem.FromList(RlpItem.EmptyList))))));
    }

    [Fact]
    public void Encode_EthersVectors_MatchAll()
    {
        const string file = "ethers/rlp.json.gz";
        var failures = new List<string>();
        var total = 0;
        foreach (var vector in VectorFiles.Load(file).EnumerateArray())
        {
            total++;
            var item = RlpVectorReader.FromEthers(vector.GetProperty("decoded"));
            if (TestHex.Of(RlpEncoder.Encode(item)) != vector.GetProperty("encoded").GetString())
            {
                failures.Add(vector.GetProperty("name").GetString()!);
            }
        }

        Assert.Equal(61, total);
        VectorAssert.AllPass(file, total, failures);
    }

    [Fact]
    public void Encode_EthereumTestsValidVectors_MatchAll()
    {
        const string file = "ethereum-tests/RLPTests/rlptest.json";
        var failures = new List<string>();
        var total = 0;
        foreach (var test in VectorFiles.Load(file).EnumerateObject())
        {
            total++;
            var item = RlpVectorReader.FromEthereumTests(test.Value.GetProperty("in"));
            if (TestHex.Of(RlpEncoder.Encode(item)) != test.Value.GetProperty("out").GetString()!.ToLowerInvariant())
            {
                failures.Add(test.Name);
            }
        }

        Assert.Equal(28, total);
        VectorAssert.AllPass(file, total, failures);
    }
}
