using System.Buffers;
using System.Text;
using System.Text.Unicode;
using static GreenCompute.Influx.LineProtocol.LineProtocolSyntax;

namespace GreenCompute.Influx.LineProtocol;

/// <summary>
/// Reads the tokens and values inside one line for <see cref="LineProtocolReader"/>: escaped names, typed field values
/// and the timestamp. A failed read records where and why in <see cref="ErrorPosition"/> and <see cref="ErrorMessage"/>.
/// </summary>
internal ref struct LineScanner(ReadOnlySpan<byte> input, LineProtocolOptions options, WritePrecision precision)
{
    private const int StackScratchLength = 256;

    private readonly ReadOnlySpan<byte> _input = input;
    private readonly TokenKind _stringKind = options.EscapeStringControlCharacters ? TokenKind.SpecificationString : TokenKind.InfluxDb1String;
    private readonly bool _allowUnsigned = options.AllowUnsigned;
    private readonly WritePrecision _precision = precision;

    /// <summary>The next byte to read.</summary>
    public int Cursor { get; set; }

    public int ErrorPosition { get; private set; }

    public string ErrorMessage { get; private set; } = string.Empty;

    /// <summary>Reads the value after <c>key=</c>: a string, boolean or number, then checks what follows it.</summary>
    public bool TryReadFieldValue(string key, out FieldValue value)
    {
        value = default;
        bool ok;
        switch (Peek())
        {
            case '"':
                ok = TryReadString(key, out value);
                break;
            case 't' or 'T' or 'f' or 'F':
                ok = TryReadBoolean(key, out value);
                break;
            case '-' or '.' or (>= '0' and <= '9'):
                ok = TryReadNumber(key, out value);
                break;
            default:
                ok = Fail(Cursor, AtLineEnd(Cursor)
                    ? $"missing value for field {LineProtocolText.Quote(key)}"
                    : $"invalid value for field {LineProtocolText.Quote(key)}: {Describe(Cursor)} starts no string, number or boolean");
                break;
        }

        if (!ok)
        {
            return false;
        }

        if (Cursor < _input.Length && !EndsValue(_input[Cursor]))
        {
            return Fail(Cursor, $"unexpected character {Describe(Cursor)} after the value of field {LineProtocolText.Quote(key)}");
        }

        return true;
    }

    /// <summary>
    /// Reads a measurement, key or tag value up to its first unescaped separator; empty is an error.
    /// <paramref name="owner"/> is the key a tag value belongs to, named in errors.
    /// </summary>
    public bool TryReadToken(TokenKind kind, string what, string? owner, out string token)
    {
        token = string.Empty;
        int start = Cursor;
        while (Cursor < _input.Length)
        {
            byte b = _input[Cursor];
            if (b == '\\')
            {
                Cursor += Cursor + 1 < _input.Length && IsEscapable(kind, _input[Cursor + 1]) ? 2 : 1;
            }
            else if (EndsToken(kind, b))
            {
                break;
            }
            else
            {
                Cursor++;
            }
        }

        if (Cursor == start)
        {
            return Fail(start, AtLineEnd(start)
                ? $"missing {Name(what, owner)}"
                : $"missing {Name(what, owner)} before {Describe(start)}");
        }

        return TryDecode(_input[start..Cursor], kind, start, what, owner, out token);
    }

    /// <summary>Reads the optional timestamp after the fields and the line end after it.</summary>
    public bool TryReadTimestamp(out long? timestamp)
    {
        timestamp = null;
        SkipSpaces();
        if (!AtLineEnd(Cursor))
        {
            int start = Cursor;
            var text = TakeValue();
            if (!IsInteger(text, allowMinus: true) || (Cursor < _input.Length && _input[Cursor] == ','))
            {
                return Fail(start, "invalid timestamp; expected an integer");
            }

            if (!TryParseInt64(text, out long value) || !_precision.TryToNanoseconds(value, out long nanoseconds))
            {
                return Fail(start, "timestamp is out of the 64-bit nanosecond range");
            }

            timestamp = nanoseconds;
            SkipSpaces();
        }

        int next = EndOfLine(Cursor);
        if (next < 0)
        {
            return Fail(Cursor, $"unexpected {Describe(Cursor)} at the end of the line");
        }

        Cursor = next;
        return true;
    }

    private bool TryReadString(string key, out FieldValue value)
    {
        value = default;
        int quote = Cursor;
        Cursor++;
        while (true)
        {
            int next = _input[Cursor..].IndexOfAny((byte)'"', (byte)'\\');
            if (next < 0)
            {
                Cursor = _input.Length;
                return Fail(quote, $"unterminated string value for field {LineProtocolText.Quote(key)}");
            }

            Cursor += next;
            if (_input[Cursor] == '"')
            {
                break;
            }

            Cursor += Cursor + 1 < _input.Length && IsEscapable(_stringKind, _input[Cursor + 1]) ? 2 : 1;
        }

        if (!TryDecode(_input[(quote + 1)..Cursor], _stringKind, quote + 1, "value of field", key, out string text))
        {
            return false;
        }

        Cursor++;
        value = FieldValue.FromString(text);
        return true;
    }

    private bool TryReadBoolean(string key, out FieldValue value)
    {
        int start = Cursor;
        bool valid = TryParseBoolean(TakeValue(), out bool parsed);
        value = FieldValue.FromBoolean(parsed);
        return valid || Fail(start, $"invalid boolean value for field {LineProtocolText.Quote(key)}");
    }

    private bool TryReadNumber(string key, out FieldValue value)
    {
        value = default;
        int start = Cursor;
        var text = TakeValue();
        switch (text[^1])
        {
            case (byte)'i':
                if (!IsInteger(text[..^1], allowMinus: true))
                {
                    return Fail(start, $"invalid integer value for field {LineProtocolText.Quote(key)}");
                }

                if (!TryParseInt64(text[..^1], out long integer))
                {
                    return Fail(start, $"integer value for field {LineProtocolText.Quote(key)} is out of the 64-bit range");
                }

                value = FieldValue.FromInt64(integer);
                return true;
            case (byte)'u':
                if (!IsInteger(text[..^1], allowMinus: false))
                {
                    return Fail(start, $"invalid unsigned integer value for field {LineProtocolText.Quote(key)}");
                }

                if (!_allowUnsigned)
                {
                    return Fail(start, $"unsigned integer value for field {LineProtocolText.Quote(key)} is rejected by InfluxDB 1.x (invalid number)");
                }

                if (!TryParseUInt64(text[..^1], out ulong unsigned))
                {
                    return Fail(start, $"unsigned integer value for field {LineProtocolText.Quote(key)} is out of the 64-bit range");
                }

                value = FieldValue.FromUInt64(unsigned);
                return true;
            default:
                if (!IsFloat(text))
                {
                    return Fail(start, $"invalid number value for field {LineProtocolText.Quote(key)}");
                }

                if (!TryParseFloat(text, out double number))
                {
                    return Fail(start, $"float value for field {LineProtocolText.Quote(key)} is out of the 64-bit range");
                }

                value = FieldValue.FromDouble(number);
                return true;
        }
    }

    private bool TryDecode(ReadOnlySpan<byte> raw, TokenKind kind, int position, string what, string? owner, out string text)
    {
        text = string.Empty;
        byte[]? rented = null;
        scoped ReadOnlySpan<byte> unescaped = raw;
        if (raw.Contains((byte)'\\'))
        {
            Span<byte> scratch = raw.Length <= StackScratchLength
                ? stackalloc byte[StackScratchLength]
                : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
            unescaped = scratch[..Unescape(raw, scratch, kind)];
        }

        bool valid = Utf8.IsValid(unescaped);
        if (valid)
        {
            text = Encoding.UTF8.GetString(unescaped);
        }

        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return valid || Fail(position, $"invalid UTF-8 in {Name(what, owner)}");
    }

    private ReadOnlySpan<byte> TakeValue()
    {
        int start = Cursor;
        while (Cursor < _input.Length && !EndsValue(_input[Cursor]))
        {
            Cursor++;
        }

        return _input[start..Cursor];
    }

    public void SkipSpaces()
    {
        while (Cursor < _input.Length && _input[Cursor] == ' ')
        {
            Cursor++;
        }
    }

    public readonly char Peek() => Cursor < _input.Length ? (char)_input[Cursor] : '\0';

    public readonly bool AtLineEnd(int position) => position >= _input.Length || _input[position] is (byte)'\n' or (byte)'\r';

    /// <summary>The position after the line end at <paramref name="position"/> (LF, CRLF, or CR/nothing at the end of input); -1 if none is there.</summary>
    public readonly int EndOfLine(int position)
    {
        if (position >= _input.Length)
        {
            return _input.Length;
        }

        return _input[position] switch
        {
            (byte)'\n' => position + 1,
            (byte)'\r' when position + 1 == _input.Length => position + 1,
            (byte)'\r' when _input[position + 1] == '\n' => position + 2,
            _ => -1,
        };
    }

    public readonly string Describe(int position) => position >= _input.Length
        ? "end of input"
        : _input[position] is >= 0x20 and < 0x7F ? $"'{(char)_input[position]}'" : $"byte 0x{_input[position]:X2}";

    public bool Fail(int position, string message)
    {
        ErrorPosition = position;
        ErrorMessage = message;
        return false;
    }

    private static string Name(string what, string? owner) => owner is null ? what : $"{what} {LineProtocolText.Quote(owner)}";
}
