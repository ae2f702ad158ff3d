using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.Messages;

/// <summary>
/// Turns EIP-712 message values into ABI value shapes. Besides the ABI shapes it accepts what JSON
/// (eth_signTypedData_v4) carries: numbers as decimal or 0x-hex strings, bytes as 0x-hex strings.
/// </summary>
internal static class TypedDataValues
{
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => BigInteger.TryParse(element.GetRawText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"EIP-712 numbers must be integers, got {element.GetRawText()}."),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static object? ToAbiValue(AbiType type, object? value) => type.Kind switch
    {
        AbiTypeKind.UInt or AbiTypeKind.Int => value is string text ? ParseInteger(text) : value,
        AbiTypeKind.Address => value is string text ? Address.Parse(text) : value,
        AbiTypeKind.FixedBytes or AbiTypeKind.Bytes => value is string text ? HexConverter.FromHex(text) : value,
        _ => value,
    };

    public static object? Member(object? structValue, string name, string typeName) => structValue switch
    {
        IReadOnlyDictionary<string, object?> map => map.TryGetValue(name, out var v) ? v : throw Missing(name, typeName),
        IDictionary dictionary => dictionary.Contains(name) ? dictionary[name] : throw Missing(name, typeName),
        _ => throw new ArgumentException($"A value of struct {typeName} must be a dictionary of its members."),
    };

    public static IList List(object? value, string typeName) =>
        value is not string && value is IList list ? list : throw new ArgumentException($"A value of {typeName} must be a list.");

    private static BigInteger ParseInteger(string text)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return HexConverter.ParseQuantity(text);
        }

        return BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    private static ArgumentException Missing(string name, string typeName) => new($"Struct {typeName} value has no member '{name}'.");
}
