using System.Numerics;
using System.Text.Json;
using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Tests.Vectors;

namespace GreenCompute.Ethereum.Tests.Abi;

public class AbiFunctionTests
{
    private const string File = "solidity_abi_spec_examples.json";

    [Fact]
    public void EncodeCall_SoliditySpecExamples_MatchSpecCalldata()
    {
        var failures = new List<string>();
        var total = 0;
        foreach (var example in VectorFiles.Load(File).GetProperty("functions").EnumerateArray())
        {
            total++;
            var signature = example.GetProperty("signature").GetString()!;
            var function = AbiFunction.Parse(signature);
            var args = function.Inputs.Select((p, i) => ToValue(p.Type, example.GetProperty("args")[i])).ToArray();
            var calldata = function.EncodeCall(args);
            if (function.Signature != signature
                || TestHex.Of(function.Selector) != example.GetProperty("selector").GetString()
                || TestHex.Of(calldata) != example.GetProperty("spec_calldata").GetString())
            {
                failures.Add($"{signature}: encoding differs");
            }
            else if (!AbiValueComparer.DeepEquals(args, function.DecodeCall(calldata)))
            {
                failures.Add($"{signature}: decoded arguments differ");
            }
        }

        Assert.Equal(5, total);
        VectorAssert.AllPass(File, total, failures);
    }

    [Fact]
    public void Parse_HumanReadableDeclaration_KeepsNamesAndOutputs()
    {
        var function = AbiFunction.Parse("function transfer(address to, uint256 amount) external returns (bool success)");

        Assert.Equal("transfer(address,uint256)", function.Signature);
        Assert.Equal("0xa9059cbb", TestHex.Of(function.Selector));
        Assert.Equal(["to", "amount"], function.Inputs.Select(p => p.Name));
        Assert.Equal(true, function.DecodeOutput(TestHex.Bytes(new string('0', 63) + "1"))[0]);
    }

    [Fact]
    public void EncodeCall_NethereumErc20Transfer_MatchesVector()
    {
        var vector = VectorFiles.Load("nethereum_offline_legacy_eip155_transfer.json");
        var function = AbiFunction.Parse(vector.GetProperty("function").GetString()!);

        var to = vector.GetProperty("args")[0].GetString()!;
        var amount = new BigInteger(vector.GetProperty("args")[1].GetInt32());

        // The vector's mixed-case address has a wrong EIP-55 checksum: refused as text, fine lower-cased.
        var calldata = function.EncodeCall(to.ToLowerInvariant(), amount);

        Assert.Equal(vector.GetProperty("calldata").GetString(), TestHex.Of(calldata));
        Assert.Throws<AbiException>(() => function.EncodeCall(to, amount));
    }

    [Fact]
    public void DecodeCall_WrongSelector_Throws() =>
        Assert.Throws<AbiException>(() => AbiFunction.Parse("baz(uint32,bool)").DecodeCall(TestHex.Bytes("0xa9059cbb")));

    /// <summary>The spec examples give integers as JSON numbers and bytes as 0x-hex.</summary>
    private static object? ToValue(AbiType type, JsonElement arg) => type.Kind switch
    {
        AbiTypeKind.UInt or AbiTypeKind.Int => new BigInteger(arg.GetInt64()),
        AbiTypeKind.Bool => arg.GetBoolean(),
        AbiTypeKind.String => arg.GetString(),
        AbiTypeKind.Bytes or AbiTypeKind.FixedBytes => TestHex.Bytes(arg.GetString()!),
        AbiTypeKind.Array => arg.EnumerateArray().Select(a => ToValue(type.ElementType!, a)).ToArray(),
        _ => throw new InvalidOperationException($"No example uses {type}."),
    };
}
