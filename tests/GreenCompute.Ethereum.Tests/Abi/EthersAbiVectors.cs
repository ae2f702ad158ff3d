using System.Globalization;
using System.Numerics;
using System.Text.Json;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Tests.Vectors;

namespace GreenCompute.Ethereum.Tests.Abi;

/// <summary>Reads the "verbose" typed value trees of ethers' abi.json into ABI value shapes.</summary>
internal static class EthersAbiVectors
{
    public static object? ToValue(JsonElement verbose)
    {
        var value = verbose.GetProperty("value");
        return verbose.GetProperty("type").GetString() switch
        {
            "number" => BigInteger.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            "hexstring" => TestHex.Bytes(value.GetString()!),
            "address" => Address.Parse(value.GetString()!),
            "boolean" => value.GetBoolean(),
            "string" => value.GetString(),
            "array" or "object" => value.EnumerateArray().Select(ToValue).ToArray(),
            var other => throw new InvalidOperationException($"Unknown verbose type {other}."),
        };
    }
}
