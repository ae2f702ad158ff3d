using System.Collections;
using System.Numerics;
using System.Text;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.Abi;

/// <summary>
/// Solidity ABI encoding (abi.encode): values laid out as a tuple, static parts in the head, dynamic parts
/// behind offsets in the tail. Value shapes: see <see cref="AbiDecoder"/>.
/// </summary>
public static class AbiEncoder
{
    private const int WordSize = 32;

    private static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    /// <exception cref="AbiException">A value does not fit its type.</exception>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        return EncodeTuple(types, values);
    }

    public static byte[] Encode(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Encode([.. parameters.Select(p => p.Type)], values);
    }

    /// <summary>One 32-byte word of a static elementary value (EIP-712 encodeData uses this).</summary>
    internal static byte[] EncodeWord(AbiType type, object? value) => type.Kind switch
    {
        AbiTypeKind.UInt => EncodeUInt(type.Size, AbiValues.ToBigInteger(value)),
        AbiTypeKind.Int => EncodeInt(type.Size, AbiValues.ToBigInteger(value)),
        AbiTypeKind.Address => UnsignedBigEndian.ToFixedBytes(UnsignedBigEndian.ToBigInteger(AbiValues.ToAddress(value).Span), WordSize),
        AbiTypeKind.Bool => EncodeUInt(8, value is bool b ? (b ? 1 : 0) : throw AbiValues.Mismatch("a bool", value)),
        AbiTypeKind.FixedBytes => EncodeFixedBytes(type.Size, AbiValues.ToBytes(value).Span),
        _ => throw new AbiException($"{type} is not a one-word type."),
    };

    private static byte[] EncodeValue(AbiType type, object? value)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
                return EncodeDynamicBytes(AbiValues.ToBytes(value).Span);
            case AbiTypeKind.String:
                return EncodeDynamicBytes(Encoding.UTF8.GetBytes(value as string ?? throw AbiValues.Mismatch("a string", value)));
            case AbiTypeKind.Array:
                var list = AbiValues.ToList(value);
                if (type.Length is { } length && list.Count != length)
                {
                    throw new AbiException($"{type} needs {length} elements, got {list.Count}.");
                }

                var elements = EncodeTuple(Enumerable.Repeat(type.ElementType!, list.Count).ToList(), ToObjects(list));
                return type.Length is null ? [.. EncodeUInt(256, list.Count), .. elements] : elements;
            case AbiTypeKind.Tuple:
                var components = AbiValues.ToList(value);
                if (components.Count != type.Components.Count)
                {
                    throw new AbiException($"{type} needs {type.Components.Count} components, got {components.Count}.");
                }

                return EncodeTuple([.. type.Components.Select(c => c.Type)], ToObjects(components));
            default:
                return EncodeWord(type, value);
        }
    }

    private static byte[] EncodeTuple(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        if (types.Count != values.Count)
        {
            throw new AbiException($"{types.Count} types but {values.Count} values.");
        }

        var headSize = types.Sum(t => t.HeadSize);
        var heads = new List<byte[]>(types.Count);
        var tails = new List<byte[]>();
        var tailSize = 0;
        for (var i = 0; i < types.Count; i++)
        {
            var encoded = EncodeValue(types[i], values[i]);
            if (types[i].IsDynamic)
            {
                heads.Add(EncodeUInt(256, headSize + tailSize));
                tails.Add(encoded);
                tailSize += encoded.Length;
            }
            else
            {
                heads.Add(encoded);
            }
        }

        var result = new byte[headSize + tailSize];
        var offset = 0;
        foreach (var part in heads.Concat(tails))
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }

        return result;
    }

    private static byte[] EncodeUInt(int bits, BigInteger value)
    {
        if (value.Sign < 0 || value >= BigInteger.One << bits)
        {
            throw new AbiException($"{value} does not fit uint{bits}.");
        }

        return UnsignedBigEndian.ToFixedBytes(value, WordSize);
    }

    private static byte[] EncodeInt(int bits, BigInteger value)
    {
        var limit = BigInteger.One << (bits - 1);
        if (value < -limit || value >= limit)
        {
            throw new AbiException($"{value} does not fit int{bits}.");
        }

        // Two's complement over the whole word: negative values are sign-extended to 256 bits.
        return UnsignedBigEndian.ToFixedBytes(value.Sign < 0 ? value + TwoTo256 : value, WordSize);
    }

    private static byte[] EncodeFixedBytes(int size, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != size)
        {
            throw new AbiException($"bytes{size} needs exactly {size} bytes, got {bytes.Length}.");
        }

        var word = new byte[WordSize];
        bytes.CopyTo(word);
        return word;
    }

    private static byte[] EncodeDynamicBytes(ReadOnlySpan<byte> bytes)
    {
        var padded = (bytes.Length + WordSize - 1) / WordSize * WordSize;
        var result = new byte[WordSize + padded];
        EncodeUInt(256, bytes.Length).CopyTo(result, 0);
        bytes.CopyTo(result.AsSpan(WordSize));
        return result;
    }

    private static object?[] ToObjects(IList list)
    {
        var objects = new object?[list.Count];
        list.CopyTo(objects, 0);
        return objects;
    }
}
