using Microsoft.Data.Sqlite;

namespace GreenCompute.Actors.Storage;

/// <summary>One SQLite connection with its prepared statements; used by one operation at a time.</summary>
internal sealed class SqliteSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _select;
    private readonly SqliteCommand _selectETag;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _delete;

    public SqliteSession(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        Execute("PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;");
        _select = Prepare("SELECT etag, payload FROM grain_state WHERE grain_type = $type AND grain_key = $key;");
        _selectETag = Prepare("SELECT etag FROM grain_state WHERE grain_type = $type AND grain_key = $key;");
        _insert = Prepare(
            "INSERT INTO grain_state (grain_type, grain_key, etag, payload) VALUES ($type, $key, $etag, $payload) " +
            "ON CONFLICT (grain_type, grain_key) DO NOTHING;",
            "$etag",
            "$payload");
        _update = Prepare(
            "UPDATE grain_state SET etag = $etag, payload = $payload " +
            "WHERE grain_type = $type AND grain_key = $key AND etag = $expected;",
            "$etag",
            "$payload",
            "$expected");
        _delete = Prepare("DELETE FROM grain_state WHERE grain_type = $type AND grain_key = $key AND etag = $expected;", "$expected");
    }

    /// <summary>Creates the table (and switches the file to WAL) if needed.</summary>
    public static void CreateSchema(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;" +
            "CREATE TABLE IF NOT EXISTS grain_state (" +
            " grain_type TEXT NOT NULL, grain_key TEXT NOT NULL, etag TEXT NOT NULL, payload BLOB NOT NULL," +
            " PRIMARY KEY (grain_type, grain_key)) WITHOUT ROWID;";
        command.ExecuteNonQuery();
    }

    public (string ETag, byte[] Payload)? Read(string grainType, string key)
    {
        Bind(_select, grainType, key);
        using var reader = _select.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), (byte[])reader.GetValue(1)) : null;
    }

    public string? ReadETag(string grainType, string key)
    {
        Bind(_selectETag, grainType, key);
        return _selectETag.ExecuteScalar() as string;
    }

    /// <summary>Inserts a new record; false when one exists.</summary>
    public bool Insert(string grainType, string key, string etag, byte[] payload)
    {
        Bind(_insert, grainType, key);
        _insert.Parameters["$etag"].Value = etag;
        _insert.Parameters["$payload"].Value = payload;
        return _insert.ExecuteNonQuery() == 1;
    }

    /// <summary>Replaces the record if its ETag is <paramref name="expected"/>; false otherwise.</summary>
    public bool Update(string grainType, string key, string etag, byte[] payload, string expected)
    {
        Bind(_update, grainType, key);
        _update.Parameters["$etag"].Value = etag;
        _update.Parameters["$payload"].Value = payload;
        _update.Parameters["$expected"].Value = expected;
        return _update.ExecuteNonQuery() == 1;
    }

    /// <summary>Deletes the record if its ETag is <paramref name="expected"/>; false otherwise.</summary>
    public bool Delete(string grainType, string key, string expected)
    {
        Bind(_delete, grainType, key);
        _delete.Parameters["$expected"].Value = expected;
        return _delete.ExecuteNonQuery() == 1;
    }

    public void Dispose()
    {
        foreach (var command in new[] { _select, _selectETag, _insert, _update, _delete })
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    private static void Bind(SqliteCommand command, string grainType, string key)
    {
        command.Parameters["$type"].Value = grainType;
        command.Parameters["$key"].Value = key;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] extraParameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in extraParameters.Prepend("$key").Prepend("$type"))
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        command.Prepare();
        return command;
    }
}
