using System.Globalization;

namespace GreenCompute.Influx.LineProtocol;

/// <summary>Byte classes and the number grammar of line-protocol.ebnf, for the reader.</summary>
internal static class LineProtocolSyntax
{
    public static bool IsNonPrintable(byte b) => b < 0x20 || b == 0x7F;

    /// <summary>Whether <paramref name="b"/> ends a measurement, key or tag value (when not escaped).</summary>
    public static bool EndsToken(TokenKind kind, byte b) =>
        b is (byte)',' or (byte)' ' || IsNonPrintable(b) || (kind == TokenKind.Key && b == '=');

    /// <summary>Whether a backslash before <paramref name="b"/> is an escape rather than a literal backslash.</summary>
    public static bool IsEscapable(TokenKind kind, byte b) => kind switch
    {
        TokenKind.Measurement => b is (byte)',' or (byte)' ',
        TokenKind.Key => b is (byte)',' or (byte)' ' or (byte)'=',
        TokenKind.InfluxDb1String => b is (byte)'"' or (byte)'\\',
        _ => b is (byte)'"' or (byte)'\\' or (byte)'n' or (byte)'r' or (byte)'t',
    };

    /// <summary>Comment text: printable characters and tab (line-protocol.ebnf).</summary>
    public static bool IsCommentByte(byte b) => !IsNonPrintable(b) || b == '\t';

    /// <summary>Ends a non-string field value or a timestamp: comma, space, or line end.</summary>
    public static bool EndsValue(byte b) => b is (byte)',' or (byte)' ' or (byte)'\r' or (byte)'\n';

    /// <summary>Copies <paramref name="raw"/> without the backslashes of its escapes; returns the length written.</summary>
    public static int Unescape(ReadOnlySpan<byte> raw, Span<byte> destination, TokenKind kind)
    {
        int written = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            byte b = raw[i];
            if (b == '\\' && i + 1 < raw.Length && IsEscapable(kind, raw[i + 1]))
            {
                b = raw[++i] switch
                {
                    (byte)'n' when kind == TokenKind.SpecificationString => (byte)'\n',
                    (byte)'r' when kind == TokenKind.SpecificationString => (byte)'\r',
                    (byte)'t' when kind == TokenKind.SpecificationString => (byte)'\t',
                    var escaped => escaped,
                };
            }

            destination[written++] = b;
        }

        return written;
    }

    public static bool TryParseBoolean(ReadOnlySpan<byte> text, out bool value)
    {
        value = text.SequenceEqual("t"u8) || text.SequenceEqual("T"u8) || text.SequenceEqual("true"u8) ||
                text.SequenceEqual("True"u8) || text.SequenceEqual("TRUE"u8);
        return value || text.SequenceEqual("f"u8) || text.SequenceEqual("F"u8) || text.SequenceEqual("false"u8) ||
               text.SequenceEqual("False"u8) || text.SequenceEqual("FALSE"u8);
    }

    /// <summary><c>-?\d+</c> (or <c>\d+</c> without <paramref name="allowMinus"/>).</summary>
    public static bool IsInteger(ReadOnlySpan<byte> text, bool allowMinus)
    {
        if (allowMinus && !text.IsEmpty && text[0] == '-')
        {
            text = text[1..];
        }

        return !text.IsEmpty && !text.ContainsAnyExceptInRange((byte)'0', (byte)'9');
    }

    /// <summary><c>floatfield</c>: <c>-?</c> then <c>1</c>, <c>1.</c>, <c>1.5</c>, <c>.5</c>, each with an optional exponent.</summary>
    public static bool IsFloat(ReadOnlySpan<byte> text)
    {
        int i = !text.IsEmpty && text[0] == '-' ? 1 : 0;
        int integerDigits = CountDigits(text, ref i);
        int fractionDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            fractionDigits = CountDigits(text, ref i);
        }

        if (integerDigits == 0 && fractionDigits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < text.Length && text[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if (CountDigits(text, ref i) == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    public static bool TryParseInt64(ReadOnlySpan<byte> text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static bool TryParseUInt64(ReadOnlySpan<byte> text, out ulong value) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses text that passed <see cref="IsFloat"/>; false when it overflows to infinity.</summary>
    public static bool TryParseFloat(ReadOnlySpan<byte> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static int CountDigits(ReadOnlySpan<byte> text, ref int index)
    {
        int start = index;
        while (index < text.Length && char.IsAsciiDigit((char)text[index]))
        {
            index++;
        }

        return index - start;
    }
}
