using System.Globalization;
using System.Numerics;
using System.Text.Json;
using GreenCompute.Ethereum.Rlp;
using GreenCompute.Ethereum.Tests.Vectors;

namespace GreenCompute.Ethereum.Tests.Rlp;

/// <summary>Turns the JSON "decoded"/"in" values of the RLP vector files into <see cref="RlpItem"/> trees.</summary>
internal static class RlpVectorReader
{
    /// <summary>ethers rlp.json: strings are 0x-hex byte strings, arrays are lists.</summary>
    public static RlpItem FromEthers(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? RlpItem.FromList(value.EnumerateArray().Select(FromEthers))
        : RlpItem.FromBytes(TestHex.Bytes(value.GetString()!));

    /// <summary>ethereum/tests rlptest.json: strings are text, "#123" is a big integer, numbers are integers.</summary>
    public static RlpItem FromEthereumTests(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => RlpItem.FromList(value.EnumerateArray().Select(FromEthereumTests)),
        JsonValueKind.Number => RlpItem.FromBigInteger(BigInteger.Parse(value.GetRawText(), CultureInfo.InvariantCulture)),
        _ when value.GetString()!.StartsWith('#') => RlpItem.FromBigInteger(BigInteger.Parse(value.GetString()![1..], CultureInfo.InvariantCulture)),
        _ => RlpItem.FromUtf8(value.GetString()!),
    };
}
