using System.Text.Json;
using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Tests.Vectors;

namespace GreenCompute.Ethereum.Tests.Abi;

public class AbiPackedEncoderTests
{
    [Fact]
    public void Keccak_EthersSolidityHashes_MatchAll()
    {
        const string file = "ethers/solidity-hashes.json.gz";
        var failures = new List<string>();
        var total = 0;
        foreach (var vector in VectorFiles.Load(file).EnumerateArray())
        {
            total++;
            var types = vector.GetProperty("types").EnumerateArray().Select(t => AbiType.Parse(t.GetString()!)).ToArray();
            var values = types.Select((t, i) => ToValue(t, vector.GetProperty("values")[i])).ToArray();
            if (TestHex.Of(Keccak256.Hash(AbiPackedEncoder.Encode(types, values))) != vector.GetProperty("keccak256").GetString())
            {
                failures.Add(vector.GetProperty("name").GetString()!);
            }
        }

        Assert.Equal(2016, total);
        VectorAssert.AllPass(file, total, failures);
    }

    [Fact]
    public void Encode_MixedTypes_PacksWithoutPadding()
    {
        // The Solidity docs' example: abi.encodePacked(int16(-1), bytes1(0x42), uint16(0x03), string("Hello, world!")).
        var packed = AbiPackedEncoder.Encode(
            [AbiType.Int(16), AbiType.FixedBytes(1), AbiType.UInt(16), AbiType.String],
            [-1, new byte[] { 0x42 }, 3, "Hello, world!"]);

        Assert.Equal("0xffff42000348656c6c6f2c20776f726c6421", TestHex.Of(packed));
    }

    /// <summary>The file writes integers as (possibly negative) 0x-hex strings and bytes as 0x-hex.</summary>
    private static object? ToValue(AbiType type, JsonElement value) => type.Kind switch
    {
        AbiTypeKind.Array => value.EnumerateArray().Select(v => ToValue(type.ElementType!, v)).ToArray(),
        AbiTypeKind.UInt or AbiTypeKind.Int => value.GetString()!.StartsWith('-')
            ? -HexConverter.ParseQuantity(value.GetString()![1..])
            : HexConverter.ParseQuantity(value.GetString()!),
        AbiTypeKind.Bool => value.GetBoolean(),
        AbiTypeKind.Bytes or AbiTypeKind.FixedBytes => TestHex.Bytes(value.GetString()!),
        _ => value.GetString(),
    };
}
