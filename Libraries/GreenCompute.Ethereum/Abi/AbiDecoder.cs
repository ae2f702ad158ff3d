using System.Numerics;
using System.Text;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.Abi;

/// <summary>
/// Strict Solidity ABI decoding. Values come back as: uintN/intN → BigInteger, address → <see cref="Address"/>,
/// bool → bool, bytesN/bytes → byte[], string → string, arrays and tuples → object?[].
/// Rejected with <see cref="AbiException"/>: offsets or lengths past the data, dirty high bits of integers,
/// addresses and bools, non-zero padding after bytesN, and strings that are not UTF-8.
/// </summary>
public static class AbiDecoder
{
    private const int WordSize = 32;

    private static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        return DecodeTuple(types, data, 0);
    }

    public static object?[] Decode(IReadOnlyList<AbiParameter> parameters, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Decode([.. parameters.Select(p => p.Type)], data);
    }

    /// <summary>Decodes one 32-byte word of a static elementary type (event topics use this).</summary>
    internal static object DecodeWord(AbiType type, ReadOnlySpan<byte> word)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
                var unsigned = UnsignedBigEndian.ToBigInteger(word);
                return unsigned < BigInteger.One << type.Size ? unsigned : throw new AbiException($"Value does not fit {type}.");
            case AbiTypeKind.Int:
                var raw = UnsignedBigEndian.ToBigInteger(word);
                var signed = raw >= BigInteger.One << 255 ? raw - TwoTo256 : raw;
                var limit = BigInteger.One << (type.Size - 1);
                return signed >= -limit && signed < limit ? signed : throw new AbiException($"Value is not a sign-extended {type}.");
            case AbiTypeKind.Address:
                return word[..12].ContainsAnyExcept((byte)0) ? throw new AbiException("Address word has non-zero high bytes.") : Address.FromBytes(word[12..]);
            case AbiTypeKind.Bool:
                return word[..31].ContainsAnyExcept((byte)0) || word[31] > 1 ? throw new AbiException("Bool word is neither 0 nor 1.") : word[31] == 1;
            case AbiTypeKind.FixedBytes:
                return word[type.Size..].ContainsAnyExcept((byte)0) ? throw new AbiException($"{type} has non-zero padding.") : word[..type.Size].ToArray();
            default:
                throw new AbiException($"{type} is not a one-word type.");
        }
    }

    private static object?[] DecodeTuple(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data, int start)
    {
        var values = new object?[types.Count];
        var head = start;
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            if (type.IsDynamic)
            {
                var offset = ReadLength(data, head, "offset");
                if (offset > data.Length - start)
                {
                    throw new AbiException($"Offset {offset} points past the data.");
                }

                values[i] = DecodeValue(type, data, start + offset);
            }
            else
            {
                values[i] = DecodeValue(type, data, head);
            }

            head += type.HeadSize;
        }

        return values;
    }

    private static object? DecodeValue(AbiType type, ReadOnlySpan<byte> data, int position)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
                return ReadDynamicBytes(data, position);
            case AbiTypeKind.String:
                try
                {
                    return StrictUtf8.GetString(ReadDynamicBytes(data, position));
                }
                catch (DecoderFallbackException)
                {
                    throw new AbiException("ABI string is not valid UTF-8.");
                }

            case AbiTypeKind.Array:
                var count = type.Length ?? ReadLength(data, position, "array length");
                var elementsStart = type.Length is null ? position + WordSize : position;
                // Every element takes at least one word, so a count larger than the remaining words is a lie.
                if (count > (data.Length - elementsStart) / WordSize + 1)
                {
                    throw new AbiException($"Array of {count} elements does not fit the data.");
                }

                return DecodeTuple(Enumerable.Repeat(type.ElementType!, count).ToList(), data, elementsStart);
            case AbiTypeKind.Tuple:
                return DecodeTuple([.. type.Components.Select(c => c.Type)], data, position);
            default:
                return DecodeWord(type, ReadWord(data, position));
        }
    }

    private static byte[] ReadDynamicBytes(ReadOnlySpan<byte> data, int position)
    {
        var length = ReadLength(data, position, "byte length");
        if (length > data.Length - position - WordSize)
        {
            throw new AbiException($"Byte string of {length} bytes runs past the data.");
        }

        return data.Slice(position + WordSize, length).ToArray();
    }

    private static int ReadLength(ReadOnlySpan<byte> data, int position, string what)
    {
        var value = UnsignedBigEndian.ToBigInteger(ReadWord(data, position));
        return value <= int.MaxValue ? (int)value : throw new AbiException($"ABI {what} {value} is too large.");
    }

    private static ReadOnlySpan<byte> ReadWord(ReadOnlySpan<byte> data, int position) =>
        position >= 0 && position <= data.Length - WordSize
            ? data.Slice(position, WordSize)
            : throw new AbiException($"ABI data ends before the word at {position}.");
}
