using System.Text;

namespace GreenCompute.Influx.Querying;

/// <summary>
/// Quoting for building InfluxQL from names and values that come from elsewhere: the InfluxQL scanner reads
/// <c>\\</c>, <c>\"</c>, <c>\'</c> and <c>\n</c> inside quotes and refuses a raw newline.
/// </summary>
public static class InfluxQl
{
    /// <summary>A measurement, field, tag key, database or retention policy name: <c>"name"</c>.</summary>
    public static string QuoteIdentifier(string name) => Quote(name, '"');

    /// <summary>A string literal, e.g. a tag value in <c>WHERE "room" = 'salon'</c>.</summary>
    public static string QuoteString(string value) => Quote(value, '\'');

    private static string Quote(string text, char quote)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quoted = new StringBuilder(text.Length + 2).Append(quote);
        foreach (char c in text)
        {
            switch (c)
            {
                case '\\' or '"' or '\'':
                    quoted.Append('\\').Append(c);
                    break;
                case '\n':
                    quoted.Append("\\n");
                    break;
                default:
                    quoted.Append(c);
                    break;
            }
        }

        return quoted.Append(quote).ToString();
    }
}
