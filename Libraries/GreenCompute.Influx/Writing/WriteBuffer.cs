using GreenCompute.Influx.LineProtocol;
using Microsoft.Data.Sqlite;

namespace GreenCompute.Influx.Writing;

/// <summary>
/// The disk-backed queue between acceptance and delivery: one SQLite table of lines keyed by a never-reused id.
/// Durability: WAL journal; with <c>syncEveryCommit</c> the WAL is fsynced at every commit (<c>synchronous=FULL</c>),
/// otherwise at checkpoints only (<c>synchronous=NORMAL</c>: safe against a process crash, not a power cut).
/// The file is locked exclusively while open, so two writers never send the same lines. Thread-safe.
/// </summary>
internal sealed class WriteBuffer : IDisposable
{
    private const int SqliteBusy = 5;

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private long _count;
    private long _bytes;

    private WriteBuffer(SqliteConnection connection)
    {
        _connection = connection;
    }

    public string Path => _connection.DataSource;

    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <exception cref="InvalidOperationException">Another writer holds the file.</exception>
    public static WriteBuffer Open(string path, bool syncEveryCommit)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // a pooled connection would keep the exclusive lock after Dispose
            DefaultTimeout = 1,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, $"""
                PRAGMA locking_mode = EXCLUSIVE;
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = {(syncEveryCommit ? "FULL" : "NORMAL")};
                CREATE TABLE IF NOT EXISTS lines (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    precision INTEGER NOT NULL,
                    line BLOB NOT NULL);
                BEGIN IMMEDIATE;
                COMMIT;
                """);
            var buffer = new WriteBuffer(connection);
            using var totals = connection.CreateCommand();
            totals.CommandText = "SELECT count(*), coalesce(sum(length(line)), 0) FROM lines";
            using var reader = totals.ExecuteReader();
            reader.Read();
            buffer._count = reader.GetInt64(0);
            buffer._bytes = reader.GetInt64(1);
            return buffer;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteBusy)
        {
            connection.Dispose();
            throw new InvalidOperationException($"The write buffer {path} is locked by another writer.", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Stores <paramref name="lines"/> in one transaction; returns the id of the last one.</summary>
    public long Append(IReadOnlyList<BufferedLine> lines)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var insert = _connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO lines (precision, line) VALUES ($precision, $line) RETURNING id";
            var precision = insert.Parameters.Add("$precision", SqliteType.Integer);
            var line = insert.Parameters.Add("$line", SqliteType.Blob);
            long lastId = 0;
            long bytes = 0;
            foreach (var buffered in lines)
            {
                precision.Value = (int)buffered.Precision;
                line.Value = buffered.Utf8;
                lastId = (long)insert.ExecuteScalar()!;
                bytes += buffered.Utf8.Length;
            }

            transaction.Commit();
            _count += lines.Count;
            _bytes += bytes;
            return lastId;
        }
    }

    /// <summary>The oldest lines sharing the oldest line's precision, at most <paramref name="maxPoints"/> and (beyond the first) <paramref name="maxBytes"/>.</summary>
    public BufferedBatch? Peek(int maxPoints, long maxBytes)
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                return null;
            }

            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT id, precision, line FROM lines
                WHERE precision = (SELECT precision FROM lines ORDER BY id LIMIT 1)
                ORDER BY id LIMIT $limit
                """;
            command.Parameters.AddWithValue("$limit", maxPoints);
            using var reader = command.ExecuteReader();
            var lines = new List<byte[]>();
            long firstId = 0;
            long lastId = 0;
            long bytes = 0;
            var precision = WritePrecision.Nanoseconds;
            while (reader.Read())
            {
                var line = (byte[])reader.GetValue(2);
                if (lines.Count > 0 && bytes + line.Length + 1 > maxBytes)
                {
                    break;
                }

                if (lines.Count == 0)
                {
                    firstId = reader.GetInt64(0);
                    precision = (WritePrecision)reader.GetInt32(1);
                }

                lastId = reader.GetInt64(0);
                lines.Add(line);
                bytes += line.Length + 1;
            }

            return lines.Count == 0 ? null : new BufferedBatch(precision, firstId, lastId, lines, bytes);
        }
    }

    /// <summary>Deletes the lines of <paramref name="batch"/> (after the server confirmed or definitively refused them).</summary>
    public void Remove(BufferedBatch batch)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "DELETE FROM lines WHERE precision = $precision AND id BETWEEN $first AND $last";
            command.Parameters.AddWithValue("$precision", (int)batch.Precision);
            command.Parameters.AddWithValue("$first", batch.FirstId);
            command.Parameters.AddWithValue("$last", batch.LastId);
            int removed = command.ExecuteNonQuery();
            _count -= removed;
            _bytes -= batch.Bytes - batch.Count; // Bytes counts a newline per line, the table does not
        }
    }

    /// <summary>True while some line with an id up to <paramref name="id"/> is still waiting.</summary>
    public bool HoldsAnyUpTo(long id)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT EXISTS (SELECT 1 FROM lines WHERE id <= $id)";
            command.Parameters.AddWithValue("$id", id);
            return (long)command.ExecuteScalar()! != 0;
        }
    }

    /// <summary>The id the next appended line will follow (0 for a new file).</summary>
    public long LastAssignedId()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'lines'), 0)";
            return (long)command.ExecuteScalar()!;
        }
    }

    /// <summary>The journal mode, synchronous level (2 = FULL) and locking mode in force: the durability settings.</summary>
    internal (string JournalMode, long Synchronous, string LockingMode) Settings()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode; PRAGMA synchronous; PRAGMA locking_mode;";
            using var reader = command.ExecuteReader();
            reader.Read();
            string journal = reader.GetString(0);
            reader.NextResult();
            reader.Read();
            long synchronous = reader.GetInt64(0);
            reader.NextResult();
            reader.Read();
            return (journal, synchronous, reader.GetString(0));
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
