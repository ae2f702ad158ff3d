using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GreenCompute.Influx.Writing;

/// <summary>
/// Reads which lines a server refused from its error text. InfluxDB 1.x quotes each unparsable line
/// (<c>unable to parse 'LINE': reason</c>, one per line of the message) and counts the other refusals (type conflicts,
/// points outside the retention policy) as <c>dropped=N</c> without naming them; 1.6.7 was seen to omit the parse
/// errors when both happen, so the count is the server's report, a lower bound.
/// </summary>
internal static partial class PartialWriteMessage
{
    public static (IReadOnlyList<string> Lines, long Count) RejectedLines(string message, BufferedBatch batch)
    {
        var named = new List<string>();
        if (message.Contains("unable to parse '", StringComparison.Ordinal))
        {
            foreach (byte[] utf8 in batch.Lines)
            {
                string line = Encoding.UTF8.GetString(utf8);
                if (message.Contains("'" + line + "'", StringComparison.Ordinal))
                {
                    named.Add(line);
                }
            }
        }

        var dropped = DroppedCount().Match(message);
        long unnamed = dropped.Success ? long.Parse(dropped.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : 0;
        return (named, named.Count + unnamed);
    }

    [GeneratedRegex(@"dropped=(\d+)")]
    private static partial Regex DroppedCount();
}
