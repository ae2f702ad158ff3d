using System.Globalization;

namespace GreenCompute.Influx.LineProtocol;

/// <summary>
/// Formats a finite double as Go's <c>strconv.FormatFloat(v, 'g', -1, 64)</c>, the form of the line-protocol corpus:
/// the shortest digits that round-trip, in exponent form when the decimal exponent is below -4 or at least 6
/// (<c>6.632243e+06</c>, <c>1e-05</c>, <c>0.0001</c>, <c>123456</c>). Always invariant, never a thousands separator.
/// </summary>
internal static class FloatFormat
{
    // "-" + 17 digits + "." + "e-308" fits, and so does the widest fixed form "-0.0000" + 17 digits.
    public const int MaxLength = 32;

    private const int ExponentFormAtOrAbove = 6;
    private const int ExponentFormBelow = -4;

    public static int Format(double value, Span<byte> destination)
    {
        // .NET's "R" yields the shortest round-trip digits since .NET Core 3.0; only the layout differs from Go.
        Span<byte> shortest = stackalloc byte[MaxLength];
        value.TryFormat(shortest, out int length, "R", CultureInfo.InvariantCulture);
        shortest = shortest[..length];

        Span<byte> digits = stackalloc byte[MaxLength];
        int digitCount = 0;
        int integerDigits = -1;
        int exponent = 0;
        bool negative = shortest[0] == '-';
        for (int i = negative ? 1 : 0; i < shortest.Length; i++)
        {
            byte c = shortest[i];
            if (c == '.')
            {
                integerDigits = digitCount;
            }
            else if (c is (byte)'E' or (byte)'e')
            {
                exponent = ParseExponent(shortest[(i + 1)..]);
                break;
            }
            else
            {
                digits[digitCount++] = c;
            }
        }

        // decimalPoint: digits[..decimalPoint] is the integer part once leading zeros are gone.
        int decimalPoint = (integerDigits < 0 ? digitCount : integerDigits) + exponent;
        int first = 0;
        while (first < digitCount && digits[first] == '0')
        {
            first++;
            decimalPoint--;
        }

        int last = digitCount;
        while (last > first && digits[last - 1] == '0')
        {
            last--;
        }

        ReadOnlySpan<byte> significant = digits[first..last];
        int written = 0;
        if (negative)
        {
            destination[written++] = (byte)'-';
        }

        if (significant.IsEmpty)
        {
            destination[written++] = (byte)'0';
            return written;
        }

        int decimalExponent = decimalPoint - 1;
        if (decimalExponent < ExponentFormBelow || decimalExponent >= ExponentFormAtOrAbove)
        {
            return written + WriteExponentForm(significant, decimalExponent, destination[written..]);
        }

        return written + WriteFixedForm(significant, decimalPoint, destination[written..]);
    }

    private static int WriteExponentForm(ReadOnlySpan<byte> significant, int decimalExponent, Span<byte> destination)
    {
        int written = 0;
        destination[written++] = significant[0];
        if (significant.Length > 1)
        {
            destination[written++] = (byte)'.';
            significant[1..].CopyTo(destination[written..]);
            written += significant.Length - 1;
        }

        destination[written++] = (byte)'e';
        destination[written++] = decimalExponent < 0 ? (byte)'-' : (byte)'+';
        int magnitude = Math.Abs(decimalExponent);
        if (magnitude < 10)
        {
            destination[written++] = (byte)'0';
        }

        magnitude.TryFormat(destination[written..], out int exponentLength, default, CultureInfo.InvariantCulture);
        return written + exponentLength;
    }

    private static int WriteFixedForm(ReadOnlySpan<byte> significant, int decimalPoint, Span<byte> destination)
    {
        int written = 0;
        if (decimalPoint <= 0)
        {
            destination[written++] = (byte)'0';
            destination[written++] = (byte)'.';
            destination.Slice(written, -decimalPoint).Fill((byte)'0');
            written += -decimalPoint;
            significant.CopyTo(destination[written..]);
            return written + significant.Length;
        }

        if (decimalPoint >= significant.Length)
        {
            significant.CopyTo(destination);
            destination.Slice(significant.Length, decimalPoint - significant.Length).Fill((byte)'0');
            return decimalPoint;
        }

        significant[..decimalPoint].CopyTo(destination);
        destination[decimalPoint] = (byte)'.';
        significant[decimalPoint..].CopyTo(destination[(decimalPoint + 1)..]);
        return significant.Length + 1;
    }

    private static int ParseExponent(ReadOnlySpan<byte> text)
    {
        bool negative = text[0] == '-';
        int value = 0;
        for (int i = text[0] is (byte)'-' or (byte)'+' ? 1 : 0; i < text.Length; i++)
        {
            value = (value * 10) + (text[i] - '0');
        }

        return negative ? -value : value;
    }
}
