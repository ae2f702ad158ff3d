using Microsoft.Data.Sqlite;

namespace GreenCompute.EdgeAgent.State;

/// <summary>
/// The agent's one SQLite file in its state folder: the event outbox, counters that must stay monotonic across restarts
/// (telemetry sequence, energy counter, receipt sequence) and the tasks it holds. WAL with synchronous=FULL: a row
/// written is on disk when the call returns, so a killed agent loses nothing it acknowledged.
/// </summary>
internal sealed class AgentDatabase
{
    private readonly string _connectionString;

    public AgentDatabase(string file)
    {
        File = file;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value REAL NOT NULL);
            CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, topic TEXT NOT NULL, payload BLOB NOT NULL, created TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS tasks (task_id TEXT PRIMARY KEY, job_id TEXT NOT NULL, workload TEXT NOT NULL,
                core_seconds REAL NOT NULL, cores INTEGER NOT NULL, checkpoint_seconds REAL NOT NULL, folder TEXT NOT NULL,
                input_hash TEXT, state TEXT NOT NULL, done_core_seconds REAL NOT NULL);
            """);
    }

    public string File { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
        return connection;
    }

    public double? GetCounter(string name)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM counters WHERE name = $n";
        command.Parameters.AddWithValue("$n", name);
        return command.ExecuteScalar() is double value ? value : null;
    }

    public void SetCounter(string name, double value)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO counters(name, value) VALUES($n, $v) ON CONFLICT(name) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$n", name);
        command.Parameters.AddWithValue("$v", value);
        command.ExecuteNonQuery();
    }

    /// <summary>Adds one and returns the new value, durably: a sequence never repeats after a crash.</summary>
    public long Next(string name)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO counters(name, value) VALUES($n, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value";
        command.Parameters.AddWithValue("$n", name);
        return (long)(double)command.ExecuteScalar()!;
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
