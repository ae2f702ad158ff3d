using System.Text;
using static GreenCompute.Influx.LineProtocol.LineProtocolSyntax;

namespace GreenCompute.Influx.LineProtocol;

/// <summary>
/// A strict line-protocol decoder over UTF-8 bytes (line-protocol.ebnf, with the escape rules of influxdata/line-protocol
/// v2): control characters outside string fields, invalid UTF-8, NaN/Infinity, out-of-range numbers and timestamps,
/// duplicate tag keys and trailing text are all errors. Like InfluxDB's partial writes, a bad line does not stop the
/// reader: <see cref="Read"/> reports it with its line and column and continues with the next line.
/// </summary>
public ref struct LineProtocolReader
{
    private readonly ReadOnlySpan<byte> _input;
    private readonly LineProtocolOptions _options;
    private readonly long? _defaultTimestamp;
    private readonly List<(string Key, string Value, int Position)> _tags = [];
    private readonly List<KeyValuePair<string, FieldValue>> _fields = [];
    private int _position;
    private int _lineNumber = 1;
    private int _lineStart;
    private LineScanner _scanner;

    /// <param name="utf8">The request body.</param>
    /// <param name="options">The dialect; InfluxDB 1.x when null.</param>
    /// <param name="precision">The unit of the timestamps in the input.</param>
    /// <param name="defaultTimestamp">Unix nanoseconds for lines without a timestamp (rounded down to
    /// <paramref name="precision"/>, as InfluxDB does with its clock); without it such points have a null timestamp.</param>
    public LineProtocolReader(
        ReadOnlySpan<byte> utf8,
        LineProtocolOptions? options = null,
        WritePrecision precision = WritePrecision.Nanoseconds,
        long? defaultTimestamp = null)
    {
        _input = utf8;
        _options = options ?? LineProtocolOptions.InfluxDb1;
        _scanner = new LineScanner(utf8, _options, precision);
        _defaultTimestamp = defaultTimestamp is long time ? precision.TruncateNanoseconds(time) : null;
    }

    /// <summary>Decodes all of <paramref name="utf8"/>, throwing at the first malformed line.</summary>
    /// <exception cref="LineProtocolException">A line is malformed; the exception names its line and column.</exception>
    public static IReadOnlyList<LineProtocolPoint> Parse(
        ReadOnlySpan<byte> utf8,
        LineProtocolOptions? options = null,
        WritePrecision precision = WritePrecision.Nanoseconds,
        long? defaultTimestamp = null)
    {
        var reader = new LineProtocolReader(utf8, options, precision, defaultTimestamp);
        var points = new List<LineProtocolPoint>();
        while (reader.Read(out var point, out var error))
        {
            points.Add(point ?? throw new LineProtocolException(error!));
        }

        return points;
    }

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte}, LineProtocolOptions?, WritePrecision, long?)"/>
    public static IReadOnlyList<LineProtocolPoint> Parse(
        string text,
        LineProtocolOptions? options = null,
        WritePrecision precision = WritePrecision.Nanoseconds,
        long? defaultTimestamp = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(Encoding.UTF8.GetBytes(text), options, precision, defaultTimestamp);
    }

    /// <summary>
    /// Reads the next line that holds a point, skipping blank lines and comments. Returns false at the end of the
    /// input; otherwise exactly one of <paramref name="point"/> and <paramref name="error"/> is set, and after an error
    /// the rest of that line has been skipped.
    /// </summary>
    public bool Read(out LineProtocolPoint? point, out LineProtocolError? error)
    {
        point = null;
        error = null;
        if (!SkipIgnorableLines())
        {
            error = TakeError();
            return true;
        }

        if (_position == _input.Length)
        {
            return false;
        }

        _scanner.Cursor = _position;
        if (TryReadPoint(out point))
        {
            MoveTo(_scanner.Cursor);
            return true;
        }

        point = null;
        error = TakeError();
        return true;
    }

    private bool SkipIgnorableLines()
    {
        while (true)
        {
            int p = _position;
            while (p < _input.Length && _input[p] == ' ')
            {
                p++;
            }

            if (p < _input.Length && _input[p] == '#')
            {
                int end = p + 1;
                while (end < _input.Length && IsCommentByte(_input[end]))
                {
                    end++;
                }

                int next = _scanner.EndOfLine(end);
                if (next < 0)
                {
                    return _scanner.Fail(end, "invalid character in comment");
                }

                MoveTo(next);
                continue;
            }

            if (p == _input.Length || _input[p] is not ((byte)'\r' or (byte)'\n'))
            {
                MoveTo(p);
                return true;
            }

            int afterBlank = _scanner.EndOfLine(p);
            if (afterBlank < 0)
            {
                return _scanner.Fail(p, "carriage return not followed by a newline");
            }

            MoveTo(afterBlank);
        }
    }

    private bool TryReadPoint(out LineProtocolPoint? point)
    {
        point = null;
        _tags.Clear();
        _fields.Clear();
        if (!_scanner.TryReadToken(TokenKind.Measurement, "measurement", null, out string name))
        {
            return false;
        }

        while (_scanner.Peek() == ',')
        {
            _scanner.Cursor++;
            if (!TryReadTag())
            {
                return false;
            }
        }

        if (_scanner.Peek() != ' ')
        {
            return _scanner.AtLineEnd(_scanner.Cursor)
                ? _scanner.Fail(_scanner.Cursor, $"no fields after {(_tags.Count == 0 ? "measurement" : "tags")}; a point needs at least one field")
                : _scanner.Fail(_scanner.Cursor, $"unexpected character {_scanner.Describe(_scanner.Cursor)} after {(_tags.Count == 0 ? "measurement" : "tag value")}");
        }

        _scanner.SkipSpaces();
        if (_scanner.AtLineEnd(_scanner.Cursor))
        {
            return _scanner.Fail(_scanner.Cursor, "no fields; a point needs at least one field");
        }

        while (true)
        {
            if (!TryReadField())
            {
                return false;
            }

            if (_scanner.Peek() != ',')
            {
                break;
            }

            _scanner.Cursor++;
        }

        if (!_scanner.TryReadTimestamp(out long? timestamp))
        {
            return false;
        }

        var tags = SortTags();
        if (tags is null)
        {
            return false;
        }

        point = new LineProtocolPoint(name, tags, _fields.ToArray(), timestamp ?? _defaultTimestamp);
        return true;
    }

    private bool TryReadTag()
    {
        int keyStart = _scanner.Cursor;
        if (_scanner.AtLineEnd(_scanner.Cursor) || _input[_scanner.Cursor] == ' ')
        {
            return _scanner.Fail(_scanner.Cursor, "expected a tag key after the comma");
        }

        if (!_scanner.TryReadToken(TokenKind.Key, "tag key", null, out string key))
        {
            return false;
        }

        if (_scanner.Peek() != '=')
        {
            return _scanner.Fail(_scanner.Cursor, $"expected '=' after tag key {LineProtocolText.Quote(key)}");
        }

        _scanner.Cursor++;
        if (!_scanner.TryReadToken(TokenKind.Key, "value of tag", key, out string value))
        {
            return false;
        }

        if (!_options.AllowTimeKeys && key == "time")
        {
            return _scanner.Fail(keyStart, "tag key \"time\" is rejected by InfluxDB 1.x");
        }

        _tags.Add((key, value, keyStart));
        return true;
    }

    private bool TryReadField()
    {
        int keyStart = _scanner.Cursor;
        if (!_scanner.TryReadToken(TokenKind.Key, "field key", null, out string key))
        {
            return false;
        }

        if (_scanner.Peek() != '=')
        {
            return _scanner.Fail(_scanner.Cursor, $"expected '=' after field key {LineProtocolText.Quote(key)}");
        }

        if (!_options.AllowTimeKeys && key == "time")
        {
            return _scanner.Fail(keyStart, "field key \"time\" is rejected by InfluxDB 1.x");
        }

        _scanner.Cursor++;
        if (!_scanner.TryReadFieldValue(key, out var value))
        {
            return false;
        }

        _fields.Add(new(key, value));
        return true;
    }

    private IReadOnlyList<KeyValuePair<string, string>>? SortTags()
    {
        if (_tags.Count == 0)
        {
            return [];
        }

        _tags.Sort(static (a, b) => a.Key == b.Key ? a.Position.CompareTo(b.Position) : Utf8OrdinalComparer.Compare(a.Key, b.Key));
        var tags = new KeyValuePair<string, string>[_tags.Count];
        for (int i = 0; i < tags.Length; i++)
        {
            if (i > 0 && _tags[i].Key == _tags[i - 1].Key)
            {
                _scanner.Fail(_tags[i].Position, $"duplicate tag key {LineProtocolText.Quote(_tags[i].Key)}");
                return null;
            }

            tags[i] = new(_tags[i].Key, _tags[i].Value);
        }

        return tags;
    }

    /// <summary>Locates the pending error and skips the rest of its line.</summary>
    private LineProtocolError TakeError()
    {
        var before = _input[_position.._scanner.ErrorPosition];
        int newlines = before.Count((byte)'\n');
        int lineStart = newlines == 0 ? _lineStart : _position + before.LastIndexOf((byte)'\n') + 1;
        var error = new LineProtocolError(_lineNumber + newlines, _scanner.ErrorPosition - lineStart + 1, _scanner.ErrorMessage);

        int resume = Math.Max(_scanner.Cursor, _scanner.ErrorPosition);
        int newline = resume < _input.Length ? _input[resume..].IndexOf((byte)'\n') : -1;
        MoveTo(newline < 0 ? _input.Length : resume + newline + 1);
        return error;
    }

    private void MoveTo(int position)
    {
        var passed = _input[_position..position];
        int newlines = passed.Count((byte)'\n');
        if (newlines > 0)
        {
            _lineNumber += newlines;
            _lineStart = _position + passed.LastIndexOf((byte)'\n') + 1;
        }

        _position = position;
        _scanner.Cursor = Math.Max(_scanner.Cursor, position);
    }
}
