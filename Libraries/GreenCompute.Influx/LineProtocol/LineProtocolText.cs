using System.Globalization;
using System.Text;

namespace GreenCompute.Influx.LineProtocol;

/// <summary>Shared wording for error messages: names quoted with control characters made visible.</summary>
internal static class LineProtocolText
{
    private const int MaxQuotedLength = 80;

    public static string Quote(ReadOnlySpan<char> text)
    {
        var quoted = new StringBuilder(Math.Min(text.Length, MaxQuotedLength) + 2).Append('"');
        foreach (char c in text.Length > MaxQuotedLength ? text[..MaxQuotedLength] : text)
        {
            if (char.IsControl(c))
            {
                quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                quoted.Append(c);
            }
        }

        return quoted.Append(text.Length > MaxQuotedLength ? "\"…" : "\"").ToString();
    }

    public static ArgumentOutOfRangeException NotFinite(ReadOnlySpan<char> fieldKey, double value) => new(
        "value",
        value,
        $"Field {Quote(fieldKey)} is {value.ToString(CultureInfo.InvariantCulture)}; InfluxDB cannot store NaN or ±Infinity (line protocol has no literal for them).");
}
