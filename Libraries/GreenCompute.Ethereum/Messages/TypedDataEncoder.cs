using System.Text;
using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Hashing;

namespace GreenCompute.Ethereum.Messages;

/// <summary>
/// EIP-712 hashing of structured data against a set of struct <c>types</c>:
/// encodeType = primary type then the types it references (transitively) sorted by name, each "Name(type name,…)";
/// typeHash = keccak256(encodeType); hashStruct(s) = keccak256(typeHash ‖ encodeData(s)), where each member is
/// one 32-byte word: atomic values ABI-encoded, string/bytes as keccak256 of their bytes, structs as their
/// hashStruct and arrays as keccak256 of their elements' words concatenated.
/// </summary>
public static class TypedDataEncoder
{
    public static string EncodeType(string primaryType, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        CollectDependencies(primaryType, types, found);
        found.Remove(primaryType);
        var text = new StringBuilder();
        foreach (var name in new[] { primaryType }.Concat(found))
        {
            text.Append(name).Append('(').AppendJoin(',', types[name].Select(f => f.Type + " " + f.Name)).Append(')');
        }

        return text.ToString();
    }

    public static byte[] TypeHash(string primaryType, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types) =>
        Keccak256.HashUtf8(EncodeType(primaryType, types));

    /// <summary>typeHash ‖ one word per member.</summary>
    public static byte[] EncodeData(string typeName, object? value, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        if (!types.TryGetValue(typeName, out var fields))
        {
            throw new ArgumentException($"Unknown EIP-712 struct type '{typeName}'.", nameof(typeName));
        }

        var result = new List<byte>(32 * (fields.Count + 1));
        result.AddRange(TypeHash(typeName, types));
        foreach (var field in fields)
        {
            result.AddRange(EncodeMember(field.Type, TypedDataValues.Member(value, field.Name, typeName), types));
        }

        return [.. result];
    }

    public static byte[] HashStruct(string typeName, object? value, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types) =>
        Keccak256.Hash(EncodeData(typeName, value, types));

    private static byte[] EncodeMember(string type, object? value, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types)
    {
        if (types.ContainsKey(type))
        {
            return HashStruct(type, value, types);
        }

        if (type.EndsWith(']'))
        {
            var open = type.LastIndexOf('[');
            var elementType = type[..open];
            var list = TypedDataValues.List(value, type);
            var lengthText = type[(open + 1)..^1];
            if (lengthText.Length > 0 && lengthText != list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new ArgumentException($"{type} value has {list.Count} elements.");
            }

            var concatenated = new List<byte>(32 * list.Count);
            foreach (var element in list)
            {
                concatenated.AddRange(EncodeMember(elementType, element, types));
            }

            return Keccak256.Hash([.. concatenated]);
        }

        var abiType = AbiType.Parse(type);
        return abiType.Kind switch
        {
            AbiTypeKind.String => Keccak256.HashUtf8(value as string ?? throw new ArgumentException("A string member needs a string value.")),
            AbiTypeKind.Bytes => Keccak256.Hash(((byte[])TypedDataValues.ToAbiValue(abiType, value)!).AsSpan()),
            _ => AbiEncoder.EncodeWord(abiType, TypedDataValues.ToAbiValue(abiType, value)),
        };
    }

    private static void CollectDependencies(string type, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types, SortedSet<string> found)
    {
        var baseType = type.Contains('[', StringComparison.Ordinal) ? type[..type.IndexOf('[', StringComparison.Ordinal)] : type;
        if (!types.TryGetValue(baseType, out var fields) || !found.Add(baseType))
        {
            return;
        }

        foreach (var field in fields)
        {
            CollectDependencies(field.Type, types, found);
        }
    }
}
