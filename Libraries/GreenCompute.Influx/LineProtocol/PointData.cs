using System.Buffers;
using System.Text;

namespace GreenCompute.Influx.LineProtocol;

/// <summary>
/// An immutable point: every call returns a new instance, so a half-built point can be shared and extended safely.
/// Tags are kept sorted by key (UTF-8 byte order, as InfluxDB recommends) and fields sorted by key; setting a key
/// again replaces it. Following the official C# client (PointDataTest), a tag with an empty key, or a null or empty
/// value, is dropped (and removes an earlier tag of that key), because InfluxDB rejects empty tag values. Unlike that
/// client, NaN and ±Infinity are refused with an exception naming the field instead of being silently dropped, and a
/// point without fields cannot be written.
/// </summary>
public sealed class PointData : IEquatable<PointData>
{
    private PointData(
        string name,
        KeyValuePair<string, string>[] tags,
        KeyValuePair<string, FieldValue>[] fields,
        long? time,
        WritePrecision precision)
    {
        Name = name;
        TagArray = tags;
        FieldArray = fields;
        Time = time;
        Precision = precision;
    }

    /// <summary>The measurement name.</summary>
    public string Name { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Tags => TagArray;

    public IReadOnlyList<KeyValuePair<string, FieldValue>> Fields => FieldArray;

    public bool HasFields => FieldArray.Length > 0;

    /// <summary>The timestamp in <see cref="Precision"/> units since the Unix epoch; null lets the server stamp the point.</summary>
    public long? Time { get; }

    /// <summary>The unit of <see cref="Time"/>; nanoseconds unless a timestamp was given with another precision.</summary>
    public WritePrecision Precision { get; }

    internal KeyValuePair<string, string>[] TagArray { get; }

    internal KeyValuePair<string, FieldValue>[] FieldArray { get; }

    public static PointData Measurement(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new PointData(name, [], [], null, WritePrecision.Nanoseconds);
    }

    /// <summary>Adds or replaces a tag; a null or empty value removes the tag, an empty key is ignored.</summary>
    public PointData Tag(string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            return this;
        }

        var tags = string.IsNullOrEmpty(value) ? SortedKeys.Remove(TagArray, key) : SortedKeys.Set(TagArray, key, value);
        return ReferenceEquals(tags, TagArray) ? this : new PointData(Name, tags, FieldArray, Time, Precision);
    }

    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or ±Infinity.</exception>
    public PointData Field(string key, double value) =>
        double.IsFinite(value) ? Field(key, FieldValue.FromDouble(value)) : throw LineProtocolText.NotFinite(key, value);

    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or ±Infinity.</exception>
    public PointData Field(string key, float value) =>
        float.IsFinite(value) ? Field(key, FieldValue.FromSingle(value)) : throw LineProtocolText.NotFinite(key, value);

    /// <summary>A float field; InfluxDB stores 64-bit floats, so the decimal is rounded to the nearest double.</summary>
    public PointData Field(string key, decimal value) => Field(key, FieldValue.FromDouble((double)value));

    /// <summary>An integer field (<c>42i</c>). <c>int</c>, <c>uint</c>, <c>short</c> and <c>byte</c> arrive here too.</summary>
    public PointData Field(string key, long value) => Field(key, FieldValue.FromInt64(value));

    /// <summary>An unsigned field (<c>42u</c>); the writer refuses it unless <see cref="LineProtocolOptions.AllowUnsigned"/>.</summary>
    public PointData Field(string key, ulong value) => Field(key, FieldValue.FromUInt64(value));

    public PointData Field(string key, bool value) => Field(key, FieldValue.FromBoolean(value));

    /// <summary>A string field; a null value removes the field, as in the official C# client.</summary>
    public PointData Field(string key, string? value)
    {
        if (value is null)
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
            var fields = SortedKeys.Remove(FieldArray, key);
            return ReferenceEquals(fields, FieldArray) ? this : new PointData(Name, TagArray, fields, Time, Precision);
        }

        return Field(key, FieldValue.FromString(value));
    }

    public PointData Field(string key, FieldValue value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return new PointData(Name, TagArray, SortedKeys.Set(FieldArray, key, value), Time, Precision);
    }

    public PointData Timestamp(long timestamp, WritePrecision precision)
    {
        _ = precision.NanosecondsPerUnit();
        return new PointData(Name, TagArray, FieldArray, timestamp, precision);
    }

    /// <summary>Stamps the point with <paramref name="instant"/>, rounded down to <paramref name="precision"/>.</summary>
    public PointData Timestamp(DateTimeOffset instant, WritePrecision precision) =>
        Timestamp(precision.ToUnixTimestamp(instant), precision);

    /// <summary>
    /// Stamps the point with <paramref name="instant"/>, rounded down to <paramref name="precision"/>. A local time is
    /// converted to UTC; an unspecified kind is taken as UTC, as the official C# client does.
    /// </summary>
    public PointData Timestamp(DateTime instant, WritePrecision precision) => Timestamp(
        instant.Kind == DateTimeKind.Local ? new DateTimeOffset(instant) : new DateTimeOffset(DateTime.SpecifyKind(instant, DateTimeKind.Utc)),
        precision);

    /// <summary>The point as one line without the trailing newline.</summary>
    /// <exception cref="InvalidOperationException">The point has no fields.</exception>
    /// <exception cref="ArgumentException">A name, key or value cannot be written in line protocol.</exception>
    public string ToLineProtocol(PointSettings? settings = null, LineProtocolOptions? options = null)
    {
        var output = new ArrayBufferWriter<byte>(256);
        using (var writer = new LineProtocolWriter(output, options))
        {
            writer.WritePoint(this, settings);
        }

        return Encoding.UTF8.GetString(output.WrittenSpan[..^1]);
    }

    public bool Equals(PointData? other) =>
        other is not null &&
        Name == other.Name &&
        Time == other.Time &&
        Precision == other.Precision &&
        TagArray.SequenceEqual(other.TagArray) &&
        FieldArray.SequenceEqual(other.FieldArray);

    public override bool Equals(object? obj) => Equals(obj as PointData);

    public override int GetHashCode() => HashCode.Combine(Name, Time, Precision, TagArray.Length, FieldArray.Length);

    /// <summary>The line for debugging; never throws, even for a point that could not be written.</summary>
    public override string ToString()
    {
        try
        {
            return ToLineProtocol(options: LineProtocolOptions.Specification);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{Name} (not writable: {e.Message})";
        }
    }
}
