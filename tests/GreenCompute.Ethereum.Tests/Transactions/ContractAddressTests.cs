using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Tests.Vectors;
using GreenCompute.Ethereum.Transactions;

namespace GreenCompute.Ethereum.Tests.Transactions;

public class ContractAddressTests
{
    [Fact]
    public void FromCreate_EthersVectors_MatchAll()
    {
        const string file = "ethers/create.json.gz";
        var failures = new List<string>();
        var total = 0;
        foreach (var sender in VectorFiles.Load(file).EnumerateArray())
        {
            var from = Address.Parse(sender.GetProperty("sender").GetString()!);
            foreach (var create in sender.GetProperty("creates").EnumerateArray())
            {
                total++;
                if (ContractAddress.FromCreate(from, create.GetProperty("nonce").GetUInt64()).ToString() != create.GetProperty("address").GetString())
                {
                    failures.Add(create.GetProperty("name").GetString()!);
                }
            }
        }

        Assert.Equal(160, total);
        VectorAssert.AllPass(file, total, failures);
    }

    [Fact]
    public void FromCreate2_EthersVectors_MatchAll()
    {
        const string file = "ethers/create2.json.gz";
        var failures = new List<string>();
        var total = 0;
        foreach (var sender in VectorFiles.Load(file).EnumerateArray())
        {
            var from = Address.Parse(sender.GetProperty("sender").GetString()!);
            foreach (var create in sender.GetProperty("creates").EnumerateArray())
            {
                total++;
                var address = ContractAddress.FromCreate2(
                    from,
                    TestHex.Bytes(create.GetProperty("salt").GetString()!),
                    TestHex.Bytes(create.GetProperty("initCode").GetString()!));
                if (address.ToString() != create.GetProperty("address").GetString())
                {
                    failures.Add(create.GetProperty("name").GetString()!);
                }
            }
        }

        Assert.Equal(128, total);
        VectorAssert.AllPass(file, total, failures);
    }
}
