using System.Globalization;
using System.Text;

namespace GreenCompute.Influx.LineProtocol;

/// <summary>
/// One typed field value. Floats are always finite: line protocol has no literal for NaN or ±Infinity, so
/// <see cref="FromDouble"/> refuses them.
/// </summary>
public readonly struct FieldValue : IEquatable<FieldValue>
{
    // Integer, unsigned, boolean and the float's bit pattern share one slot; only strings need a reference.
    private readonly long _bits;
    private readonly string? _string;

    private FieldValue(FieldValueKind kind, long bits, string? text)
    {
        Kind = kind;
        _bits = bits;
        _string = text;
    }

    public FieldValueKind Kind { get; }

    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or ±Infinity.</exception>
    public static FieldValue FromDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Line protocol cannot carry NaN or ±Infinity.");
        }

        return new FieldValue(FieldValueKind.Float, BitConverter.DoubleToInt64Bits(value), null);
    }

    /// <summary>
    /// A float from a single: keeps the single's shortest decimal form, so <c>0.1f</c> is written <c>0.1</c>
    /// rather than <c>0.10000000149011612</c>.
    /// </summary>
    public static FieldValue FromSingle(float value)
    {
        if (!float.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Line protocol cannot carry NaN or ±Infinity.");
        }

        return FromDouble(ShortestDouble(value));
    }

    public static FieldValue FromInt64(long value) => new(FieldValueKind.Integer, value, null);

    public static FieldValue FromUInt64(ulong value) => new(FieldValueKind.UnsignedInteger, unchecked((long)value), null);

    public static FieldValue FromBoolean(bool value) => new(FieldValueKind.Boolean, value ? 1 : 0, null);

    public static FieldValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new FieldValue(FieldValueKind.String, 0, value);
    }

    public double AsDouble() => Kind == FieldValueKind.Float ? BitConverter.Int64BitsToDouble(_bits) : throw WrongKind(FieldValueKind.Float);

    public long AsInt64() => Kind == FieldValueKind.Integer ? _bits : throw WrongKind(FieldValueKind.Integer);

    public ulong AsUInt64() => Kind == FieldValueKind.UnsignedInteger ? unchecked((ulong)_bits) : throw WrongKind(FieldValueKind.UnsignedInteger);

    public bool AsBoolean() => Kind == FieldValueKind.Boolean ? _bits != 0 : throw WrongKind(FieldValueKind.Boolean);

    public string AsString() => Kind == FieldValueKind.String ? _string! : throw WrongKind(FieldValueKind.String);

    /// <summary>Same kind and same value; floats compare by bit pattern, so <c>0</c> and <c>-0</c> differ.</summary>
    public bool Equals(FieldValue other) => Kind == other.Kind && _bits == other._bits && string.Equals(_string, other._string, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is FieldValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, _bits, _string);

    public static bool operator ==(FieldValue left, FieldValue right) => left.Equals(right);

    public static bool operator !=(FieldValue left, FieldValue right) => !left.Equals(right);

    /// <summary>The value as line protocol writes it, except that strings are shown unquoted and unescaped.</summary>
    public override string ToString() => Kind switch
    {
        FieldValueKind.Float => FormatFloat(AsDouble()),
        FieldValueKind.Integer => _bits.ToString(CultureInfo.InvariantCulture) + "i",
        FieldValueKind.UnsignedInteger => AsUInt64().ToString(CultureInfo.InvariantCulture) + "u",
        FieldValueKind.Boolean => _bits != 0 ? "true" : "false",
        _ => _string!,
    };

    private static string FormatFloat(double value)
    {
        Span<byte> text = stackalloc byte[FloatFormat.MaxLength];
        return Encoding.ASCII.GetString(text[..FloatFormat.Format(value, text)]);
    }

    /// <summary>The double nearest to the single's shortest round-trip decimal form.</summary>
    internal static double ShortestDouble(float value)
    {
        Span<char> shortest = stackalloc char[32];
        value.TryFormat(shortest, out int length, "R", CultureInfo.InvariantCulture);
        return double.Parse(shortest[..length], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private InvalidOperationException WrongKind(FieldValueKind wanted) => new($"The field value is {Kind}, not {wanted}.");
}
