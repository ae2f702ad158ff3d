using System.Globalization;

namespace GreenCompute.Ethereum.Abi;

/// <summary>
/// A Solidity ABI type. <see cref="Parse"/> reads canonical names ("uint256", "bytes3[2]", "(uint8,string)[]")
/// and the aliases uint/int (256 bits) and tuple(…); <see cref="CanonicalName"/> is what selectors hash.
/// </summary>
public sealed class AbiType
{
    private AbiType(AbiTypeKind kind, int size, AbiType? elementType, int? length, IReadOnlyList<AbiParameter> components)
    {
        Kind = kind;
        Size = size;
        ElementType = elementType;
        Length = length;
        Components = components;
        CanonicalName = BuildName();
        IsDynamic = kind is AbiTypeKind.Bytes or AbiTypeKind.String
            || (kind == AbiTypeKind.Array && (length is null || elementType!.IsDynamic))
            || (kind == AbiTypeKind.Tuple && components.Any(c => c.Type.IsDynamic));
        HeadSize = ComputeHeadSize();
    }

    public static AbiType Address { get; } = new(AbiTypeKind.Address, 0, null, null, []);

    public static AbiType Bool { get; } = new(AbiTypeKind.Bool, 0, null, null, []);

    public static AbiType Bytes { get; } = new(AbiTypeKind.Bytes, 0, null, null, []);

    public static AbiType String { get; } = new(AbiTypeKind.String, 0, null, null, []);

    public AbiTypeKind Kind { get; }

    /// <summary>Bits for <see cref="AbiTypeKind.UInt"/>/<see cref="AbiTypeKind.Int"/>, bytes for <see cref="AbiTypeKind.FixedBytes"/>, else 0.</summary>
    public int Size { get; }

    /// <summary>Element type of an array.</summary>
    public AbiType? ElementType { get; }

    /// <summary>Length of a fixed-size array; null for T[] and non-arrays.</summary>
    public int? Length { get; }

    /// <summary>Tuple components (empty for other kinds).</summary>
    public IReadOnlyList<AbiParameter> Components { get; }

    public string CanonicalName { get; }

    /// <summary>Encoded out of line (behind an offset): bytes, string, T[], and anything containing one.</summary>
    public bool IsDynamic { get; }

    /// <summary>Bytes this type takes in the head of its enclosing tuple.</summary>
    internal int HeadSize { get; }

    public static AbiType UInt(int bits) => new(AbiTypeKind.UInt, CheckBits(bits), null, null, []);

    public static AbiType Int(int bits) => new(AbiTypeKind.Int, CheckBits(bits), null, null, []);

    public static AbiType FixedBytes(int size) =>
        size is >= 1 and <= 32 ? new(AbiTypeKind.FixedBytes, size, null, null, []) : throw new AbiException($"bytes{size}: size must be 1…32.");

    /// <summary>T[length], or T[] when <paramref name="length"/> is null.</summary>
    public static AbiType ArrayOf(AbiType elementType, int? length = null)
    {
        ArgumentNullException.ThrowIfNull(elementType);
        if (length < 0)
        {
            throw new AbiException("Array length must not be negative.");
        }

        return new(AbiTypeKind.Array, 0, elementType, length, []);
    }

    public static AbiType Tuple(params IEnumerable<AbiType> components) =>
        new(AbiTypeKind.Tuple, 0, null, null, [.. components.Select(c => new AbiParameter(string.Empty, c))]);

    public static AbiType Tuple(IReadOnlyList<AbiParameter> components) => new(AbiTypeKind.Tuple, 0, null, null, [.. components]);

    /// <exception cref="AbiException">Not a valid ABI type.</exception>
    public static AbiType Parse(string text) => AbiSignatureParser.ParseType(text);

    public override string ToString() => CanonicalName;

    private int ComputeHeadSize()
    {
        try
        {
            return IsDynamic ? 32
                : Kind == AbiTypeKind.Array ? checked(Length!.Value * ElementType!.HeadSize)
                : Kind == AbiTypeKind.Tuple ? Components.Sum(c => c.Type.HeadSize)
                : 32;
        }
        catch (OverflowException)
        {
            throw new AbiException($"{CanonicalName} is too large to encode.");
        }
    }

    private static int CheckBits(int bits) =>
        bits is >= 8 and <= 256 && bits % 8 == 0 ? bits : throw new AbiException($"Integer width {bits} must be a multiple of 8 in 8…256.");

    private string BuildName() => Kind switch
    {
        AbiTypeKind.UInt => "uint" + Size.ToString(CultureInfo.InvariantCulture),
        AbiTypeKind.Int => "int" + Size.ToString(CultureInfo.InvariantCulture),
        AbiTypeKind.Address => "address",
        AbiTypeKind.Bool => "bool",
        AbiTypeKind.FixedBytes => "bytes" + Size.ToString(CultureInfo.InvariantCulture),
        AbiTypeKind.Bytes => "bytes",
        AbiTypeKind.String => "string",
        AbiTypeKind.Array => ElementType!.CanonicalName + "[" + (Length?.ToString(CultureInfo.InvariantCulture) ?? string.Empty) + "]",
        _ => "(" + string.Join(",", Components.Select(c => c.Type.CanonicalName)) + ")",
    };
}
