using System.Text;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.Abi;

/// <summary>
/// Solidity's non-standard packed mode (abi.encodePacked), as hashed by keccak256(abi.encodePacked(…)) in
/// contracts: integers in their own width (two's complement), address 20 bytes, bool 1 byte, bytesN N bytes,
/// bytes/string raw without length; array elements padded to 32 bytes each, without length. Tuples and arrays
/// of bytes/string have no packed form.
/// </summary>
public static class AbiPackedEncoder
{
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        if (types.Count != values.Count)
        {
            throw new AbiException($"{types.Count} types but {values.Count} values.");
        }

        var result = new List<byte>();
        for (var i = 0; i < types.Count; i++)
        {
            Append(result, types[i], values[i], inArray: false);
        }

        return [.. result];
    }

    private static void Append(List<byte> result, AbiType type, object? value, bool inArray)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Array:
                if (type.ElementType!.Kind is AbiTypeKind.Bytes or AbiTypeKind.String or AbiTypeKind.Tuple)
                {
                    throw new AbiException($"{type} has no packed encoding.");
                }

                var list = AbiValues.ToList(value);
                if (type.Length is { } length && list.Count != length)
                {
                    throw new AbiException($"{type} needs {length} elements, got {list.Count}.");
                }

                foreach (var element in list)
                {
                    Append(result, type.ElementType, element, inArray: true);
                }

                break;
            case AbiTypeKind.Tuple:
                throw new AbiException("Tuples have no packed encoding.");
            case AbiTypeKind.Bytes:
                result.AddRange(AbiValues.ToBytes(value).Span);
                break;
            case AbiTypeKind.String:
                result.AddRange(Encoding.UTF8.GetBytes(value as string ?? throw AbiValues.Mismatch("a string", value)));
                break;
            default:
                var word = AbiEncoder.EncodeWord(type, value);
                result.AddRange(inArray ? word : Narrow(type, word));
                break;
        }
    }

    /// <summary>The significant bytes of a 32-byte word: the right end for numbers/address/bool, the left for bytesN.</summary>
    private static ReadOnlySpan<byte> Narrow(AbiType type, byte[] word) => type.Kind switch
    {
        AbiTypeKind.UInt or AbiTypeKind.Int => word.AsSpan(32 - (type.Size / 8)),
        AbiTypeKind.Address => word.AsSpan(32 - Address.Size),
        AbiTypeKind.Bool => word.AsSpan(31),
        _ => word.AsSpan(0, type.Size),
    };
}
