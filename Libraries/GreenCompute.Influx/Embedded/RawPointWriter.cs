using GreenCompute.Influx.LineProtocol;
using Microsoft.Data.Sqlite;

namespace GreenCompute.Influx.Embedded;

/// <summary>
/// Stores field values inside one transaction and keeps the rollups in step. A new numeric value is added to its
/// 1-minute and 1-hour buckets; the same value written again (a retried batch) changes nothing; a different value at
/// the same series, field and time replaces the old one and its minute bucket is recomputed from the raw points, the
/// hour bucket from the minute buckets.
/// </summary>
internal sealed class RawPointWriter : IDisposable
{
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _addMinute;
    private readonly SqliteCommand _addHour;
    private readonly SqliteCommand _recompute;

    public RawPointWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _find = Command(connection, transaction, "SELECT kind, value FROM raw WHERE series_id = $series AND field = $field AND time = $time");
        _upsert = Command(connection, transaction, """
            INSERT INTO raw (series_id, field, time, kind, value) VALUES ($series, $field, $time, $kind, $value)
            ON CONFLICT (series_id, field, time) DO UPDATE SET kind = excluded.kind, value = excluded.value
            """);
        _addMinute = Command(connection, transaction, AddToRollup("rollup_1m"));
        _addHour = Command(connection, transaction, AddToRollup("rollup_1h"));
        _recompute = Command(connection, transaction, $"""
            DELETE FROM rollup_1m WHERE series_id = $series AND field = $field AND bucket = $minute;
            INSERT INTO rollup_1m (series_id, field, bucket, count, sum, min, max)
                SELECT series_id, field, $minute, count(*), total(value), min(value), max(value) FROM raw
                WHERE series_id = $series AND field = $field AND time >= $minute AND time < $minute + {EmbeddedSchema.MinuteNanoseconds}
                  AND {EmbeddedSchema.NumericKinds}
                GROUP BY series_id, field;
            DELETE FROM rollup_1h WHERE series_id = $series AND field = $field AND bucket = $hour;
            INSERT INTO rollup_1h (series_id, field, bucket, count, sum, min, max)
                SELECT series_id, field, $hour, sum(count), total(sum), min(min), max(max) FROM rollup_1m
                WHERE series_id = $series AND field = $field AND bucket >= $hour AND bucket < $hour + {EmbeddedSchema.HourNanoseconds}
                GROUP BY series_id, field;
            """);
    }

    public void Write(long seriesId, string field, long time, FieldValue value)
    {
        var (kind, stored) = Storable(value);
        Bind(_find, seriesId, field, time);
        object? oldKind = null;
        object? oldValue = null;
        using (var reader = _find.ExecuteReader())
        {
            if (reader.Read())
            {
                oldKind = reader.GetInt64(0);
                oldValue = reader.GetValue(1);
            }
        }

        if (oldKind is long previousKind && previousKind == kind && Equals(oldValue, stored))
        {
            return;
        }

        Bind(_upsert, seriesId, field, time);
        _upsert.Parameters["$kind"].Value = kind;
        _upsert.Parameters["$value"].Value = stored;
        _upsert.ExecuteNonQuery();

        long minute = FloorTo(time, EmbeddedSchema.MinuteNanoseconds);
        long hour = FloorTo(time, EmbeddedSchema.HourNanoseconds);
        if (oldKind is not null)
        {
            Bind(_recompute, seriesId, field, null);
            _recompute.Parameters["$minute"].Value = minute;
            _recompute.Parameters["$hour"].Value = hour;
            _recompute.ExecuteNonQuery();
        }
        else if (kind <= (int)FieldValueKind.UnsignedInteger)
        {
            double number = Convert.ToDouble(stored, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (add, bucket) in (ReadOnlySpan<(SqliteCommand, long)>)[(_addMinute, minute), (_addHour, hour)])
            {
                Bind(add, seriesId, field, null);
                add.Parameters["$bucket"].Value = bucket;
                add.Parameters["$value"].Value = number;
                add.ExecuteNonQuery();
            }
        }
    }

    public void Dispose()
    {
        foreach (var command in (ReadOnlySpan<SqliteCommand>)[_find, _upsert, _addMinute, _addHour, _recompute])
        {
            command.Dispose();
        }
    }

    internal static long FloorTo(long nanoseconds, long width)
    {
        long remainder = nanoseconds % width;
        return remainder < 0 ? nanoseconds - remainder - width : nanoseconds - remainder;
    }

    private static (long Kind, object Value) Storable(FieldValue value) => value.Kind switch
    {
        FieldValueKind.Float => ((long)FieldValueKind.Float, value.AsDouble()),
        FieldValueKind.Integer => ((long)FieldValueKind.Integer, value.AsInt64()),
        FieldValueKind.UnsignedInteger when value.AsUInt64() <= long.MaxValue => ((long)FieldValueKind.UnsignedInteger, (long)value.AsUInt64()),
        FieldValueKind.UnsignedInteger => ((long)FieldValueKind.UnsignedInteger, (double)value.AsUInt64()),
        FieldValueKind.Boolean => ((long)FieldValueKind.Boolean, value.AsBoolean() ? 1L : 0L),
        _ => ((long)FieldValueKind.String, value.AsString()),
    };

    private static string AddToRollup(string table) => $"""
        INSERT INTO {table} (series_id, field, bucket, count, sum, min, max) VALUES ($series, $field, $bucket, 1, $value, $value, $value)
        ON CONFLICT (series_id, field, bucket) DO UPDATE SET
            count = count + 1, sum = sum + excluded.sum, min = min(min, excluded.min), max = max(max, excluded.max)
        """;

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (string name in (ReadOnlySpan<string>)["$series", "$field", "$time", "$kind", "$value", "$bucket", "$minute", "$hour"])
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }
        }

        return command;
    }

    private static void Bind(SqliteCommand command, long seriesId, string field, long? time)
    {
        command.Parameters["$series"].Value = seriesId;
        command.Parameters["$field"].Value = field;
        if (time is long value)
        {
            command.Parameters["$time"].Value = value;
        }
    }
}
