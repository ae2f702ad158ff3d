using System.Text.Json;
using GreenCompute.Ethereum.Abi;

namespace GreenCompute.Contracts.Artifacts;

/// <summary>Reads solc's JSON ABI (functions, events, errors, constructor) into the Abi types of GreenCompute.Ethereum.</summary>
internal static class AbiJson
{
    public static IReadOnlyList<AbiParameter> Parameters(JsonElement entry, string member) =>
        entry.TryGetProperty(member, out var list) ? [.. list.EnumerateArray().Select(Parameter)] : [];

    private static AbiParameter Parameter(JsonElement json)
    {
        var name = json.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
        var indexed = json.TryGetProperty("indexed", out var i) && i.GetBoolean();
        return new AbiParameter(name, Type(json), indexed);
    }

    /// <summary>"tuple", "tuple[]", "tuple[2][]" take their fields from "components"; every other type parses as written.</summary>
    private static AbiType Type(JsonElement json)
    {
        var text = json.GetProperty("type").GetString()!;
        if (!text.StartsWith("tuple", StringComparison.Ordinal))
        {
            return AbiType.Parse(text);
        }

        var type = AbiType.Tuple(Parameters(json, "components"));
        var suffix = text.AsSpan("tuple".Length);
        while (suffix.Length > 0)
        {
            var close = suffix.IndexOf(']');
            if (suffix[0] != '[' || close < 0)
            {
                throw new FormatException($"Bad ABI type '{text}'.");
            }

            var length = suffix[1..close];
            type = AbiType.ArrayOf(type, length.IsEmpty ? null : int.Parse(length, System.Globalization.CultureInfo.InvariantCulture));
            suffix = suffix[(close + 1)..];
        }

        return type;
    }
}
