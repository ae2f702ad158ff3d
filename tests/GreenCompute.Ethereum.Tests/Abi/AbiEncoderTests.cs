using System.Numerics;
using System.Text;
using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Tests.Vectors;

namespace GreenCompute.Ethereum.Tests.Abi;

public class AbiEncoderTests
{
    [Fact]
    public void EncodeAndDecode_EthersAbiVectors_MatchAllAndRoundTrip()
    {
        const string file = "ethers/abi.json.gz";
        var failures = new List<string>();
        var total = 0;
        foreach (var vector in VectorFiles.Load(file).EnumerateArray())
        {
            total++;
            var name = vector.GetProperty("name").GetString()!;
            try
            {
                AbiType[] types = [AbiType.Parse(vector.GetProperty("type").GetString()!)];
                object?[] values = [EthersAbiVectors.ToValue(vector.GetProperty("verbose"))];
                var expected = vector.GetProperty("encoded").GetString()!;
                var encoded = AbiEncoder.Encode(types, values);
                if (TestHex.Of(encoded) != expected)
                {
                    failures.Add($"{name}: encoding differs");
                }
                else if (!AbiValueComparer.DeepEquals(values, AbiDecoder.Decode(types, encoded)))
                {
                    failures.Add($"{name}: decoded value differs");
                }
            }
            catch (Exception e) when (e is AbiException or FormatException)
            {
                failures.Add($"{name}: {e.Message}");
            }
        }

        Assert.Equal(1024, total);
        VectorAssert.AllPass(file, total, failures);
    }

    [Fact]
    public void Encode_EthereumTestsBasicAbi_MatchesAll()
    {
        const string file = "ethereum-tests/ABITests/basic_abi_tests.json";
        var failures = new List<string>();
        var total = 0;
        foreach (var test in VectorFiles.Load(file).EnumerateObject())
        {
            total++;
            var types = test.Value.GetProperty("types").EnumerateArray().Select(t => AbiType.Parse(t.GetString()!)).ToArray();
            var args = test.Value.GetProperty("args").EnumerateArray().ToArray();
            // The file gives bytesN/bytes as text and integers as JSON numbers.
            var values = types.Select((type, i) => type.Kind switch
            {
                AbiTypeKind.UInt => (object?)new BigInteger(args[i].GetInt64()),
                AbiTypeKind.Array => args[i].EnumerateArray().Select(a => (object?)new BigInteger(a.GetInt64())).ToArray(),
                AbiTypeKind.FixedBytes or AbiTypeKind.Bytes => Encoding.ASCII.GetBytes(args[i].GetString()!),
                _ => args[i].GetString(),
            }).ToArray();
            var encoded = AbiEncoder.Encode(types, values);
            if (TestHex.Of(encoded) != "0x" + test.Value.GetProperty("result").GetString())
            {
                failures.Add(test.Name);
            }
        }

        Assert.Equal(3, total);
        VectorAssert.AllPass(file, total, failures);
    }

    [Theory]
    [InlineData("uint8", 256)]
    [InlineData("uint256", -1)]
    [InlineData("int8", 128)]
    [InlineData("int8", -129)]
    public void Encode_IntegerOutOfRange_Throws(string type, int value) =>
        Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.Parse(type)], [new BigInteger(value)]));

    [Fact]
    public void Encode_NegativeInt_IsTwosComplement()
    {
        var encoded = AbiEncoder.Encode([AbiType.Int(32)], [-1]);

        Assert.Equal("0x" + new string('f', 64), TestHex.Of(encoded));
        Assert.Equal(BigInteger.MinusOne, AbiDecoder.Decode([AbiType.Int(32)], encoded)[0]);
    }

    [Fact]
    public void Encode_FixedBytesOfWrongLength_Throws() =>
        Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.FixedBytes(4)], [new byte[3]]));

    [Fact]
    public void Encode_AddressText_AcceptedWhenChecksumIsValid()
    {
        var fromText = AbiEncoder.Encode([AbiType.Address], ["0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"]);

        Assert.Equal(fromText, AbiEncoder.Encode([AbiType.Address], [Address.Parse("0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826")]));
        Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.Address], ["0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD827"]));
    }
}
