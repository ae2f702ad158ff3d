using System.Buffers;

namespace GreenCompute.Influx.LineProtocol;

/// <summary>
/// Encodes points as line protocol into an <see cref="IBufferWriter{T}"/> of UTF-8 bytes, one <c>\n</c>-terminated
/// line per point. A line is assembled in a pooled buffer and reaches the output only when <see cref="EndLine()"/>
/// succeeds: anything the wire format cannot carry throws and discards the line, never half-writes it.
/// Call order per line: <see cref="BeginLine"/>, tags in strictly increasing key order (UTF-8 byte order, as InfluxDB
/// recommends), one or more fields, <see cref="EndLine()"/>. Not thread-safe.
/// </summary>
public sealed class LineProtocolWriter : IDisposable
{
    private readonly IBufferWriter<byte> _output;
    private readonly LineBuffer _line = new();
    private readonly Escaping _stringEscaping;
    private char[] _previousTagKey = new char[64];
    private int _previousTagKeyLength = -1;
    private LineState _state;

    public LineProtocolWriter(IBufferWriter<byte> output, LineProtocolOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        Options = options ?? LineProtocolOptions.InfluxDb1;
        _stringEscaping = Options.EscapeStringControlCharacters ? Escaping.SpecificationString : Escaping.InfluxDb1String;
    }

    private enum LineState
    {
        None,
        Tags,
        Fields,
    }

    public LineProtocolOptions Options { get; }

    /// <summary>Writes <paramref name="point"/> with <paramref name="settings"/>' default tags under its own tags.</summary>
    /// <exception cref="InvalidOperationException">The point has no fields.</exception>
    public void WritePoint(PointData point, PointSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (!point.HasFields)
        {
            throw new InvalidOperationException(
                $"Point {LineProtocolText.Quote(point.Name)} has no fields; InfluxDB rejects a line without fields.");
        }

        BeginLine(point.Name);
        WriteMergedTags(point.TagArray, settings?.DefaultTagArray ?? []);
        foreach (var field in point.FieldArray)
        {
            WriteField(field.Key, field.Value);
        }

        if (point.Time is long time)
        {
            EndLine(time);
        }
        else
        {
            EndLine();
        }
    }

    public void BeginLine(ReadOnlySpan<char> measurement)
    {
        if (_state != LineState.None)
        {
            Abandon();
            throw new InvalidOperationException("The previous line was not ended; call EndLine first.");
        }

        if (measurement.IsEmpty)
        {
            throw new ArgumentException("The measurement name is empty.", nameof(measurement));
        }

        if (measurement[0] == '#')
        {
            throw new ArgumentException(
                $"Measurement {LineProtocolText.Quote(measurement)} starts with '#', which makes the line a comment; line protocol has no escape for it.",
                nameof(measurement));
        }

        _line.Clear();
        _previousTagKeyLength = -1;
        _state = LineState.Tags;
        AppendName(measurement, Escaping.Measurement, "Measurement", nameof(measurement));
    }

    public void WriteTag(ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        if (_state != LineState.Tags)
        {
            throw Abandon(new InvalidOperationException(_state == LineState.None
                ? "No line is open; call BeginLine first."
                : "Tags must be written before the first field."));
        }

        CheckKey(key, "Tag key", nameof(key));
        if (value.IsEmpty)
        {
            throw Abandon(new ArgumentException(
                $"Tag {LineProtocolText.Quote(key)} has an empty value; InfluxDB rejects empty tag values, omit the tag instead.",
                nameof(value)));
        }

        if (_previousTagKeyLength >= 0 && Utf8OrdinalComparer.Compare(_previousTagKey.AsSpan(0, _previousTagKeyLength), key) >= 0)
        {
            throw Abandon(new ArgumentException(
                $"Tag key {LineProtocolText.Quote(key)} does not follow {LineProtocolText.Quote(_previousTagKey.AsSpan(0, _previousTagKeyLength))}; " +
                "tags must be written once each, sorted by key.",
                nameof(key)));
        }

        _line.Append((byte)',');
        AppendName(key, Escaping.Key, "Tag key", nameof(key));
        _line.Append((byte)'=');
        AppendName(value, Escaping.Key, "The value of tag", nameof(value), key);
        RememberTagKey(key);
    }

    public void WriteField(ReadOnlySpan<char> key, double value)
    {
        if (!double.IsFinite(value))
        {
            throw Abandon(LineProtocolText.NotFinite(key, value));
        }

        BeginField(key);
        _line.Append(value);
    }

    /// <summary>Writes a single by its own shortest form: <c>0.1f</c> becomes <c>0.1</c>, not <c>0.10000000149011612</c>.</summary>
    public void WriteField(ReadOnlySpan<char> key, float value)
    {
        if (!float.IsFinite(value))
        {
            throw Abandon(LineProtocolText.NotFinite(key, value));
        }

        WriteField(key, FieldValue.ShortestDouble(value));
    }

    public void WriteField(ReadOnlySpan<char> key, long value)
    {
        BeginField(key);
        _line.Append(value);
        _line.Append((byte)'i');
    }

    /// <summary>Writes <c>42u</c>; refused unless <see cref="LineProtocolOptions.AllowUnsigned"/> (InfluxDB 1.x rejects it).</summary>
    public void WriteField(ReadOnlySpan<char> key, ulong value)
    {
        if (!Options.AllowUnsigned)
        {
            throw Abandon(new ArgumentException(
                $"Field {LineProtocolText.Quote(key)} is an unsigned integer ({value}u), which InfluxDB 1.x rejects as an invalid number; " +
                "write a signed integer or set LineProtocolOptions.AllowUnsigned.",
                nameof(value)));
        }

        BeginField(key);
        _line.Append(value);
        _line.Append((byte)'u');
    }

    public void WriteField(ReadOnlySpan<char> key, bool value)
    {
        BeginField(key);
        _line.Append(value ? "true"u8 : "false"u8);
    }

    /// <summary>Writes a string field: quoted, with <c>"</c> and <c>\</c> escaped.</summary>
    public void WriteField(ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        BeginField(key);
        _line.Append((byte)'"');
        if (_line.AppendEscaped(value, _stringEscaping, out int index) != EscapeProblem.None)
        {
            throw Abandon(new ArgumentException(
                $"The value of field {LineProtocolText.Quote(key)} holds an unpaired surrogate at index {index}; it cannot be encoded as UTF-8.",
                nameof(value)));
        }

        _line.Append((byte)'"');
    }

    public void WriteField(ReadOnlySpan<char> key, FieldValue value)
    {
        switch (value.Kind)
        {
            case FieldValueKind.Float:
                WriteField(key, value.AsDouble());
                break;
            case FieldValueKind.Integer:
                WriteField(key, value.AsInt64());
                break;
            case FieldValueKind.UnsignedInteger:
                WriteField(key, value.AsUInt64());
                break;
            case FieldValueKind.Boolean:
                WriteField(key, value.AsBoolean());
                break;
            default:
                WriteField(key, value.AsString().AsSpan());
                break;
        }
    }

    /// <summary>Ends the line without a timestamp: the server stamps it on arrival.</summary>
    public void EndLine() => CompleteLine(null);

    /// <summary>Ends the line with <paramref name="timestamp"/> in the precision the write request will name.</summary>
    public void EndLine(long timestamp) => CompleteLine(timestamp);

    public void Dispose() => _line.Dispose();

    private void CompleteLine(long? timestamp)
    {
        if (_state != LineState.Fields)
        {
            throw Abandon(new InvalidOperationException(_state == LineState.None
                ? "No line is open; call BeginLine first."
                : "The line has no fields; InfluxDB rejects a line without fields."));
        }

        if (timestamp is long value)
        {
            _line.Append((byte)' ');
            _line.Append(value);
        }

        _line.Append((byte)'\n');
        ReadOnlySpan<byte> bytes = _line.WrittenSpan;
        bytes.CopyTo(_output.GetSpan(bytes.Length));
        _output.Advance(bytes.Length);
        _state = LineState.None;
    }

    private void BeginField(ReadOnlySpan<char> key)
    {
        if (_state == LineState.None)
        {
            throw new InvalidOperationException("No line is open; call BeginLine first.");
        }

        CheckKey(key, "Field key", nameof(key));
        _line.Append(_state == LineState.Tags ? (byte)' ' : (byte)',');
        AppendName(key, Escaping.Key, "Field key", nameof(key));
        _line.Append((byte)'=');
        _state = LineState.Fields;
    }

    private void CheckKey(ReadOnlySpan<char> key, string what, string parameter)
    {
        if (key.IsEmpty)
        {
            throw Abandon(new ArgumentException($"{what} is empty.", parameter));
        }

        if (!Options.AllowTimeKeys && key.SequenceEqual("time"))
        {
            throw Abandon(new ArgumentException(
                $"{what} \"time\" is rejected by InfluxDB 1.x (it names the timestamp column); rename it or set LineProtocolOptions.AllowTimeKeys.",
                parameter));
        }
    }

    /// <summary>Appends an escaped name; <paramref name="owner"/> is the tag key a tag value belongs to, for errors.</summary>
    private void AppendName(ReadOnlySpan<char> name, Escaping escaping, string what, string parameter, ReadOnlySpan<char> owner = default)
    {
        // A trailing backslash would escape the separator that follows; the grammar has no way to write it.
        if (name[^1] == '\\')
        {
            throw Abandon(new ArgumentException(
                $"{Describe(what, owner)} {LineProtocolText.Quote(name)} ends with a backslash, which line protocol cannot represent.", parameter));
        }

        var problem = _line.AppendEscaped(name, escaping, out int index);
        if (problem == EscapeProblem.ControlCharacter)
        {
            throw Abandon(new ArgumentException(
                $"{Describe(what, owner)} {LineProtocolText.Quote(name)} contains control character U+{(int)name[index]:X4} at index {index}; " +
                "line protocol cannot carry newlines or other control characters in names, keys or tag values.",
                parameter));
        }

        if (problem == EscapeProblem.InvalidUtf16)
        {
            throw Abandon(new ArgumentException(
                $"{Describe(what, owner)} {LineProtocolText.Quote(name)} holds an unpaired surrogate at index {index}; it cannot be encoded as UTF-8.", parameter));
        }
    }

    private static string Describe(string what, ReadOnlySpan<char> owner) =>
        owner.IsEmpty ? what : $"{what} {LineProtocolText.Quote(owner)}";

    private void RememberTagKey(ReadOnlySpan<char> key)
    {
        if (_previousTagKey.Length < key.Length)
        {
            _previousTagKey = new char[Math.Max(key.Length, _previousTagKey.Length * 2)];
        }

        key.CopyTo(_previousTagKey);
        _previousTagKeyLength = key.Length;
    }

    private void WriteMergedTags(KeyValuePair<string, string>[] own, KeyValuePair<string, string>[] defaults)
    {
        int i = 0;
        int j = 0;
        while (i < own.Length || j < defaults.Length)
        {
            int order = i == own.Length ? 1 : j == defaults.Length ? -1 : Utf8OrdinalComparer.Compare(own[i].Key, defaults[j].Key);
            if (order <= 0)
            {
                WriteTag(own[i].Key, own[i].Value);
                i++;
                j += order == 0 ? 1 : 0;
            }
            else
            {
                WriteTag(defaults[j].Key, defaults[j].Value);
                j++;
            }
        }
    }

    private void Abandon() => _state = LineState.None;

    private T Abandon<T>(T exception)
        where T : Exception
    {
        Abandon();
        return exception;
    }
}
