using System.Globalization;

namespace GreenCompute.Influx.Querying;

/// <summary>
/// One cell of a query result. InfluxDB's JSON does not keep the float/integer distinction (a float field holding 2
/// arrives as <c>2</c>), so a number without fraction or exponent is an <see cref="InfluxValueKind.Integer"/>; read
/// numeric fields with <see cref="AsDouble"/>, which accepts both.
/// </summary>
public readonly struct InfluxValue : IEquatable<InfluxValue>
{
    private readonly double _double;
    private readonly long _long;
    private readonly string? _string;

    private InfluxValue(InfluxValueKind kind, double number, long integer, string? text)
    {
        Kind = kind;
        _double = number;
        _long = integer;
        _string = text;
    }

    public static InfluxValue Null => default;

    public InfluxValueKind Kind { get; }

    public bool IsNull => Kind == InfluxValueKind.Null;

    /// <summary>True for floats and integers.</summary>
    public bool IsNumber => Kind is InfluxValueKind.Float or InfluxValueKind.Integer;

    public static InfluxValue FromDouble(double value) => new(InfluxValueKind.Float, value, 0, null);

    public static InfluxValue FromInt64(long value) => new(InfluxValueKind.Integer, 0, value, null);

    public static InfluxValue FromString(string value) => new(InfluxValueKind.String, 0, 0, value ?? throw new ArgumentNullException(nameof(value)));

    public static InfluxValue FromBoolean(bool value) => new(InfluxValueKind.Boolean, 0, value ? 1 : 0, null);

    /// <summary>A float, or an integer converted to double.</summary>
    public double AsDouble() => Kind switch
    {
        InfluxValueKind.Float => _double,
        InfluxValueKind.Integer => _long,
        _ => throw WrongKind("a number"),
    };

    public long AsInt64() => Kind == InfluxValueKind.Integer ? _long : throw WrongKind("an integer");

    public string AsString() => Kind == InfluxValueKind.String ? _string! : throw WrongKind("a string");

    public bool AsBoolean() => Kind == InfluxValueKind.Boolean ? _long != 0 : throw WrongKind("a boolean");

    public bool Equals(InfluxValue other) =>
        Kind == other.Kind && _double.Equals(other._double) && _long == other._long && string.Equals(_string, other._string, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is InfluxValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, _double, _long, _string);

    public static bool operator ==(InfluxValue left, InfluxValue right) => left.Equals(right);

    public static bool operator !=(InfluxValue left, InfluxValue right) => !left.Equals(right);

    public override string ToString() => Kind switch
    {
        InfluxValueKind.Null => "null",
        InfluxValueKind.Float => _double.ToString("R", CultureInfo.InvariantCulture),
        InfluxValueKind.Integer => _long.ToString(CultureInfo.InvariantCulture),
        InfluxValueKind.Boolean => _long != 0 ? "true" : "false",
        _ => _string!,
    };

    private InvalidOperationException WrongKind(string wanted) => new($"The value is {Kind}, not {wanted}.");
}
