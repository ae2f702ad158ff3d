using System.Globalization;
using System.Text;
using GreenCompute.Influx.Querying;

namespace GreenCompute.Influx.TimeSeries;

/// <summary>
/// The InfluxQL for a <see cref="TimeSeriesQuery"/>: <c>SELECT mean("f") FROM "m" WHERE time &gt;= … AND time &lt; …
/// AND "tag" = '…' GROUP BY time(1h), "room" fill(none)</c>. Times are integer nanoseconds; InfluxDB aligns
/// <c>GROUP BY time</c> buckets to the Unix epoch, like the embedded store.
/// </summary>
internal static class TimeSeriesInfluxQl
{
    public static string Build(TimeSeriesQuery query, string? retentionPolicy)
    {
        query.Validate();
        var (from, to) = query.WindowNanoseconds();
        string field = InfluxQl.QuoteIdentifier(query.Field);
        var text = new StringBuilder("SELECT ");
        text.Append(query.Resolution is null ? field : $"{Function(query.Aggregation)}({field})");
        text.Append(" FROM ");
        if (!string.IsNullOrEmpty(retentionPolicy))
        {
            text.Append(InfluxQl.QuoteIdentifier(retentionPolicy)).Append('.');
        }

        text.Append(InfluxQl.QuoteIdentifier(query.Measurement));
        text.Append(CultureInfo.InvariantCulture, $" WHERE time >= {from} AND time < {to}");
        foreach (var tag in query.Tags.OrderBy(tag => tag.Key, StringComparer.Ordinal))
        {
            text.Append(" AND ").Append(InfluxQl.QuoteIdentifier(tag.Key)).Append(" = ").Append(InfluxQl.QuoteString(tag.Value));
        }

        var groupBy = new List<string>();
        if (query.Resolution is TimeSpan width)
        {
            groupBy.Add($"time({Duration(width)})");
        }

        if (query.GroupByTag is not null)
        {
            groupBy.Add(InfluxQl.QuoteIdentifier(query.GroupByTag));
        }

        if (groupBy.Count > 0)
        {
            text.Append(" GROUP BY ").AppendJoin(", ", groupBy);
        }

        if (query.Resolution is not null)
        {
            text.Append(" fill(none)");
        }

        return text.ToString();
    }

    /// <summary>An InfluxQL duration literal in the largest exact unit: <c>1d</c>, <c>90m</c>, <c>45s</c>.</summary>
    internal static string Duration(TimeSpan width)
    {
        long seconds = width.Ticks / TimeSpan.TicksPerSecond;
        foreach (var (unit, length) in (ReadOnlySpan<(string, long)>)[("d", 86_400), ("h", 3_600), ("m", 60)])
        {
            if (seconds % length == 0)
            {
                return (seconds / length).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return seconds.ToString(CultureInfo.InvariantCulture) + "s";
    }

    private static string Function(TimeSeriesAggregation aggregation) => aggregation switch
    {
        TimeSeriesAggregation.Mean => "mean",
        TimeSeriesAggregation.Min => "min",
        TimeSeriesAggregation.Max => "max",
        TimeSeriesAggregation.Sum => "sum",
        TimeSeriesAggregation.Count => "count",
        _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown aggregation."),
    };
}
