using System.Text.Json;
using GreenCompute.Influx.TimeSeries;
using Microsoft.Data.Sqlite;

namespace GreenCompute.Influx.Embedded;

/// <summary>
/// Answers a <see cref="TimeSeriesQuery"/> from SQLite: raw points from <c>raw</c>; buckets from <c>rollup_1h</c> when
/// the width is whole hours, <c>rollup_1m</c> when whole minutes, otherwise aggregated from <c>raw</c>. Rollup buckets
/// are regrouped into the wanted width by summing counts and sums and taking min/max, which is exact.
/// </summary>
internal static class EmbeddedQuery
{
    public static List<TimeSeriesPoint> Run(SqliteConnection connection, TimeSeriesQuery query, IReadOnlyCollection<long> seriesIds)
    {
        var (from, to) = query.WindowNanoseconds();
        using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(seriesIds));
        command.Parameters.AddWithValue("$field", query.Field);
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        const string series = "series_id IN (SELECT value FROM json_each($ids)) AND field = $field";
        if (query.ResolutionNanoseconds is not long width)
        {
            command.CommandText = $"""
                SELECT time, value FROM raw
                WHERE {series} AND time >= $from AND time < $to AND {EmbeddedSchema.NumericKinds}
                ORDER BY time
                """;
            var raw = new List<TimeSeriesPoint>();
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                raw.Add(new TimeSeriesPoint(FromNanoseconds(rows.GetInt64(0)), rows.GetDouble(1)));
            }

            return raw;
        }

        command.Parameters.AddWithValue("$width", width);
        const string bucketOf = "(({0} % $width) + $width) % $width";
        string? table = width % EmbeddedSchema.HourNanoseconds == 0 ? "rollup_1h" : width % EmbeddedSchema.MinuteNanoseconds == 0 ? "rollup_1m" : null;
        command.CommandText = table is null
            ? $"""
                SELECT time - {string.Format(System.Globalization.CultureInfo.InvariantCulture, bucketOf, "time")} AS b,
                       count(value), total(value), min(value), max(value)
                FROM raw WHERE {series} AND time >= $from AND time < $to AND {EmbeddedSchema.NumericKinds}
                GROUP BY b ORDER BY b
                """
            : $"""
                SELECT bucket - {string.Format(System.Globalization.CultureInfo.InvariantCulture, bucketOf, "bucket")} AS b,
                       sum(count), total(sum), min(min), max(max)
                FROM {table} WHERE {series} AND bucket >= $from AND bucket < $to
                GROUP BY b ORDER BY b
                """;
        var points = new List<TimeSeriesPoint>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var bucket = new BucketAggregate(reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4));
            points.Add(new TimeSeriesPoint(FromNanoseconds(reader.GetInt64(0)), bucket.Value(query.Aggregation)));
        }

        return points;
    }

    private static DateTimeOffset FromNanoseconds(long nanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(Math.DivRem(nanoseconds, 100, out long remainder) - (remainder < 0 ? 1 : 0));
}
