using System.Text.Json;
using GreenCompute.Influx.LineProtocol;
using Microsoft.Data.Sqlite;

namespace GreenCompute.Influx.Embedded;

/// <summary>
/// Deletes raw points older than their series' retention (chosen by the value of the retention tag), and rollup
/// buckets that ended before their table's retention. Rollups are not touched by raw retention.
/// </summary>
internal static class EmbeddedRetention
{
    /// <returns>The number of raw values deleted.</returns>
    public static long Apply(SqliteConnection connection, SeriesCatalog catalog, EmbeddedStoreOptions options, DateTimeOffset now)
    {
        long nowNanoseconds = WritePrecision.Nanoseconds.ToUnixTimestamp(now);
        long deleted = 0;
        using var transaction = connection.BeginTransaction();
        var byRetention = catalog.All.GroupBy(series =>
            series.Tags.TryGetValue(options.RetentionTagKey, out string? value) && options.RawRetentionByTagValue.TryGetValue(value, out var retention)
                ? retention
                : options.RawRetention);
        foreach (var group in byRetention)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM raw WHERE series_id IN (SELECT value FROM json_each($ids)) AND time < $cutoff";
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(group.Select(series => series.Id)));
            command.Parameters.AddWithValue("$cutoff", nowNanoseconds - Nanoseconds(group.Key));
            deleted += command.ExecuteNonQuery();
        }

        foreach (var (table, width, retention) in (ReadOnlySpan<(string, long, TimeSpan)>)[
            ("rollup_1m", EmbeddedSchema.MinuteNanoseconds, options.MinuteRollupRetention),
            ("rollup_1h", EmbeddedSchema.HourNanoseconds, options.HourRollupRetention)])
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"DELETE FROM {table} WHERE bucket + {width} <= $cutoff";
            command.Parameters.AddWithValue("$cutoff", nowNanoseconds - Nanoseconds(retention));
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return deleted;
    }

    private static long Nanoseconds(TimeSpan span) => span.Ticks > long.MaxValue / 100 ? long.MaxValue / 2 : span.Ticks * 100;
}
