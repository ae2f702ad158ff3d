using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Tests.Vectors;

namespace GreenCompute.Ethereum.Tests.Hashing;

public class Keccak256Tests
{
    [Fact]
    public void Hash_Empty_IsKeccakNotSha3()
    {
        Assert.Equal("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", TestHex.Of(Keccak256.Hash([])));
        Assert.NotEqual("0xa7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", TestHex.Of(Keccak256.Hash([])));
    }

    [Theory]
    [InlineData("keccak256_vectors.json")]
    [InlineData("ethers/hashes.json.gz")]
    public void Hash_VectorFile_MatchesAll(string file)
    {
        var root = VectorFiles.Load(file);
        var vectors = root.ValueKind == System.Text.Json.JsonValueKind.Array ? root : root.GetProperty("vectors");
        var failures = new List<string>();
        var total = 0;
        foreach (var vector in vectors.EnumerateArray())
        {
            total++;
            var actual = TestHex.Of(Keccak256.Hash(TestHex.Bytes(vector.GetProperty("data").GetString()!)));
            if (actual != vector.GetProperty("keccak256").GetString())
            {
                failures.Add(vector.GetProperty("name").GetString()!);
            }
        }

        Assert.Equal(257, total);
        VectorAssert.AllPass(file, total, failures);
    }
}
