namespace GreenCompute.Influx.LineProtocol;

/// <summary>
/// One point as decoded from a line: tags sorted by key (UTF-8 byte order), fields in the order of the line (a key may
/// repeat), timestamp in Unix nanoseconds.
/// </summary>
public sealed class LineProtocolPoint(
    string name,
    IReadOnlyList<KeyValuePair<string, string>> tags,
    IReadOnlyList<KeyValuePair<string, FieldValue>> fields,
    long? timestamp)
{
    /// <summary>The measurement name, unescaped.</summary>
    public string Name { get; } = name;

    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; } = tags;

    public IReadOnlyList<KeyValuePair<string, FieldValue>> Fields { get; } = fields;

    /// <summary>Unix nanoseconds; null when the line had none and the reader was given no default.</summary>
    public long? Timestamp { get; } = timestamp;

    /// <summary>The point as a builder, in nanoseconds; of a repeated field key the last value wins.</summary>
    public PointData ToPointData()
    {
        var point = PointData.Measurement(Name);
        foreach (var tag in Tags)
        {
            point = point.Tag(tag.Key, tag.Value);
        }

        foreach (var field in Fields)
        {
            point = point.Field(field.Key, field.Value);
        }

        return Timestamp is long time ? point.Timestamp(time, WritePrecision.Nanoseconds) : point;
    }
}
