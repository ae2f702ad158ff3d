using Microsoft.Data.Sqlite;

namespace GreenCompute.Influx.Embedded;

/// <summary>
/// The tables of the embedded store. A series is a measurement plus its full tag set (as in InfluxDB); raw values are
/// keyed by series, field and nanosecond time, so writing the same point again replaces it (InfluxDB's rule).
/// <c>value</c> has no declared type, so floats, integers, strings and booleans (0/1) keep their SQLite type.
/// Rollups hold count/sum/min/max of the numeric values per bucket start.
/// </summary>
internal static class EmbeddedSchema
{
    public const long MinuteNanoseconds = 60_000_000_000;
    public const long HourNanoseconds = 3_600_000_000_000;

    public static void Create(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS series (
                id INTEGER PRIMARY KEY,
                measurement TEXT NOT NULL,
                tags TEXT NOT NULL,
                UNIQUE (measurement, tags));
            CREATE TABLE IF NOT EXISTS raw (
                series_id INTEGER NOT NULL,
                field TEXT NOT NULL,
                time INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                value,
                PRIMARY KEY (series_id, field, time)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS rollup_1m (
                series_id INTEGER NOT NULL,
                field TEXT NOT NULL,
                bucket INTEGER NOT NULL,
                count INTEGER NOT NULL,
                sum REAL NOT NULL,
                min REAL NOT NULL,
                max REAL NOT NULL,
                PRIMARY KEY (series_id, field, bucket)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS rollup_1h (
                series_id INTEGER NOT NULL,
                field TEXT NOT NULL,
                bucket INTEGER NOT NULL,
                count INTEGER NOT NULL,
                sum REAL NOT NULL,
                min REAL NOT NULL,
                max REAL NOT NULL,
                PRIMARY KEY (series_id, field, bucket)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS rollup_1m_bucket ON rollup_1m (bucket);
            CREATE INDEX IF NOT EXISTS rollup_1h_bucket ON rollup_1h (bucket);
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>The SQL condition "kind is a number" (float, integer, unsigned).</summary>
    public const string NumericKinds = "kind IN (0, 1, 2)";
}
