using System.Numerics;
using System.Text;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.Rlp;

/// <summary>
/// One RLP value: a byte string or a list of items. Integers are byte strings in big-endian with no leading
/// zero byte (zero is the empty string); <see cref="ToBigInteger"/> enforces that when reading.
/// </summary>
public sealed class RlpItem
{
    private static readonly RlpItem[] NoItems = [];

    private readonly byte[] _bytes;
    private readonly RlpItem[] _items;

    private RlpItem(byte[] bytes, RlpItem[] items, bool isList)
    {
        _bytes = bytes;
        _items = items;
        IsList = isList;
    }

    public static RlpItem Empty { get; } = new([], NoItems, isList: false);

    public static RlpItem EmptyList { get; } = new([], NoItems, isList: true);

    public bool IsList { get; }

    /// <summary>The byte string.</summary>
    /// <exception cref="RlpException">The item is a list.</exception>
    public ReadOnlyMemory<byte> Bytes =>
        IsList ? throw new RlpException(RlpError.ExpectedString, "Expected an RLP byte string, found a list.") : _bytes;

    /// <summary>The list elements.</summary>
    /// <exception cref="RlpException">The item is a byte string.</exception>
    public IReadOnlyList<RlpItem> Items =>
        IsList ? _items : throw new RlpException(RlpError.ExpectedList, "Expected an RLP list, found a byte string.");

    public static RlpItem FromBytes(ReadOnlySpan<byte> bytes) => new(bytes.ToArray(), NoItems, isList: false);

    public static RlpItem FromUtf8(string text) => new(Encoding.UTF8.GetBytes(text), NoItems, isList: false);

    /// <summary>Canonical integer: big-endian, no leading zero byte, zero as the empty string.</summary>
    public static RlpItem FromBigInteger(BigInteger value) => new(UnsignedBigEndian.ToMinimalBytes(value), NoItems, isList: false);

    public static RlpItem FromAddress(Address? address) => address is { } a ? FromBytes(a.Span) : Empty;

    public static RlpItem FromList(params IEnumerable<RlpItem> items) => new([], [.. items], isList: true);

    /// <summary>Reads a canonical unsigned integer of at most <paramref name="maxBytes"/> bytes.</summary>
    /// <exception cref="RlpException">A list, a leading zero byte, or too many bytes.</exception>
    public BigInteger ToBigInteger(int maxBytes = 32)
    {
        var bytes = Bytes.Span;
        if (bytes.Length > 0 && bytes[0] == 0)
        {
            throw new RlpException(RlpError.NonCanonicalInteger, "RLP integer has a leading zero byte.");
        }

        if (bytes.Length > maxBytes)
        {
            throw new RlpException(RlpError.IntegerOverflow, $"RLP integer is {bytes.Length} bytes, at most {maxBytes} allowed.");
        }

        return UnsignedBigEndian.ToBigInteger(bytes);
    }

    /// <summary>Structural equality: same kind, same bytes, same items.</summary>
    public bool ContentEquals(RlpItem other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (IsList != other.IsList)
        {
            return false;
        }

        if (!IsList)
        {
            return _bytes.AsSpan().SequenceEqual(other._bytes);
        }

        if (_items.Length != other._items.Length)
        {
            return false;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (!_items[i].ContentEquals(other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() =>
        IsList ? "[" + string.Join(", ", _items.Select(i => i.ToString())) + "]" : HexConverter.ToHex(_bytes);
}
