using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>Reads and writes the JSON-RPC value encodings: quantities ("0x1a"), data ("0x…"), addresses, hashes.</summary>
internal static class RpcJson
{
    public static BigInteger Quantity(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => HexConverter.ParseQuantity(element.GetString()!),
        // anvil sends a few fields (blockTimestamp) as JSON numbers.
        JsonValueKind.Number when element.TryGetUInt64(out var number) => number,
        _ => throw new FormatException($"Expected a hex quantity, got {element.GetRawText()}."),
    };

    public static ulong ULong(JsonElement element)
    {
        var value = Quantity(element);
        return value <= ulong.MaxValue ? (ulong)value : throw new FormatException($"Quantity {value} does not fit 64 bits.");
    }

    public static byte[] Data(JsonElement element) =>
        element.ValueKind == JsonValueKind.String
            ? HexConverter.FromHex(element.GetString()!)
            : throw new FormatException($"Expected hex data, got {element.GetRawText()}.");

    public static string Hash(JsonElement element)
    {
        var bytes = Data(element);
        return bytes.Length == 32 ? HexConverter.ToHex(bytes) : throw new FormatException($"Expected a 32-byte hash, got {bytes.Length} bytes.");
    }

    public static Address Address(JsonElement element) =>
        element.ValueKind == JsonValueKind.String
            ? Hex.Address.Parse(element.GetString()!)
            : throw new FormatException($"Expected an address, got {element.GetRawText()}.");

    public static JsonElement Required(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new FormatException($"The JSON-RPC object has no '{name}'.");

    public static JsonElement? Optional(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static JsonNode ToQuantity(BigInteger value) => JsonValue.Create(HexConverter.ToQuantity(value));

    public static JsonNode ToData(ReadOnlySpan<byte> bytes) => JsonValue.Create(HexConverter.ToHex(bytes));

    public static JsonNode ToAddress(Address address) => JsonValue.Create(address.ToChecksumString());

    public static JsonNode ToHash(string hash) => ToData(HexConverter.FromHex(hash));
}
