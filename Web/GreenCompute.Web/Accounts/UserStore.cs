using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Data.Sqlite;
using static GreenCompute.Web.Storage.SqliteCommands;

namespace GreenCompute.Web.Accounts;

/// <summary>
/// The web host's own accounts database (SQLite): users with role, password hash and lockout counters, the sites a
/// manager or host may see, hashed API keys, and which customer owns which job. The grains know nothing of accounts.
/// </summary>
internal sealed class UserStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS users (
          id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, role TEXT NOT NULL, password_hash TEXT NOT NULL,
          failed INTEGER NOT NULL DEFAULT 0, locked_until TEXT NULL, must_change INTEGER NOT NULL DEFAULT 0, payout_account TEXT NULL);
        CREATE TABLE IF NOT EXISTS user_sites (user_id INTEGER NOT NULL REFERENCES users(id), site_id TEXT NOT NULL, PRIMARY KEY (user_id, site_id));
        CREATE TABLE IF NOT EXISTS api_keys (
          id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), lookup TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, created TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS job_owners (job_id TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), created TEXT NOT NULL);
        """;

    private readonly string _connectionString;

    public UserStore(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;" + Schema);
    }

    public int CountUsers()
    {
        using var connection = Open();
        return Convert.ToInt32(Scalar(connection, "SELECT COUNT(*) FROM users"), CultureInfo.InvariantCulture);
    }

    /// <summary>Adds an account; false when the name is taken.</summary>
    public bool TryAdd(string name, string role, string passwordHash, bool mustChange, string? payoutAccount, IEnumerable<string> siteIds, out long id)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        if (Scalar(connection, "SELECT id FROM users WHERE name = $n", ("$n", name)) is not null)
        {
            id = 0;
            return false;
        }

        id = Convert.ToInt64(Scalar(connection,
            "INSERT INTO users (name, role, password_hash, must_change, payout_account) VALUES ($n, $r, $h, $m, $p); SELECT last_insert_rowid();",
            ("$n", name), ("$r", role), ("$h", passwordHash), ("$m", mustChange ? 1 : 0), ("$p", payoutAccount)), CultureInfo.InvariantCulture);
        foreach (var site in siteIds.Distinct(StringComparer.Ordinal))
        {
            Execute(connection, "INSERT INTO user_sites (user_id, site_id) VALUES ($u, $s)", ("$u", id), ("$s", site));
        }

        tx.Commit();
        return true;
    }

    public UserAccount? FindByName(string name) => Find("name = $k", name);

    public UserAccount? FindById(long id) => Find("id = $k", id);

    public IReadOnlyList<UserAccount> All()
    {
        using var connection = Open();
        var ids = new List<long>();
        using (var command = Command(connection, "SELECT id FROM users ORDER BY name"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        return [.. ids.Select(FindById).OfType<UserAccount>()];
    }

    public void RecordFailure(long id, int failed, DateTimeOffset? lockedUntil)
    {
        using var connection = Open();
        Execute(connection, "UPDATE users SET failed = $f, locked_until = $l WHERE id = $id",
            ("$f", failed), ("$l", lockedUntil?.ToString("O", CultureInfo.InvariantCulture)), ("$id", id));
    }

    public void RecordSuccess(long id)
    {
        using var connection = Open();
        Execute(connection, "UPDATE users SET failed = 0, locked_until = NULL WHERE id = $id", ("$id", id));
    }

    public void SetPassword(long id, string passwordHash, bool mustChange)
    {
        using var connection = Open();
        Execute(connection, "UPDATE users SET password_hash = $h, must_change = $m WHERE id = $id", ("$h", passwordHash), ("$m", mustChange ? 1 : 0), ("$id", id));
    }

    public void AddApiKey(long userId, string lookup, string hash, DateTimeOffset created)
    {
        using var connection = Open();
        Execute(connection, "INSERT INTO api_keys (user_id, lookup, hash, created) VALUES ($u, $l, $h, $c)",
            ("$u", userId), ("$l", lookup), ("$h", hash), ("$c", created.ToString("O", CultureInfo.InvariantCulture)));
    }

    /// <summary>The key's owner id and stored hash, by the key's lookup prefix.</summary>
    public (long UserId, string Hash)? FindApiKey(string lookup)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT user_id, hash FROM api_keys WHERE lookup = $l", ("$l", lookup));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    public int CountApiKeys(long userId)
    {
        using var connection = Open();
        return Convert.ToInt32(Scalar(connection, "SELECT COUNT(*) FROM api_keys WHERE user_id = $u", ("$u", userId)), CultureInfo.InvariantCulture);
    }

    public void AddJob(string jobId, long userId, DateTimeOffset created)
    {
        using var connection = Open();
        Execute(connection, "INSERT INTO job_owners (job_id, user_id, created) VALUES ($j, $u, $c)",
            ("$j", jobId), ("$u", userId), ("$c", created.ToString("O", CultureInfo.InvariantCulture)));
    }

    public long? JobOwner(string jobId)
    {
        using var connection = Open();
        return Scalar(connection, "SELECT user_id FROM job_owners WHERE job_id = $j", ("$j", jobId)) is { } v ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>A customer's job ids, newest first.</summary>
    public IReadOnlyList<string> JobsOf(long userId)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT job_id FROM job_owners WHERE user_id = $u ORDER BY created DESC, job_id DESC", ("$u", userId));
        using var reader = command.ExecuteReader();
        var jobs = new List<string>();
        while (reader.Read())
        {
            jobs.Add(reader.GetString(0));
        }

        return jobs;
    }

    private UserAccount? Find(string where, object key)
    {
        using var connection = Open();
        using var command = Command(connection,
            $"SELECT id, name, role, password_hash, failed, locked_until, must_change, payout_account FROM users WHERE {where}", ("$k", key));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var id = reader.GetInt64(0);
        var sites = ImmutableArray.CreateBuilder<string>();
        using (var siteCommand = Command(connection, "SELECT site_id FROM user_sites WHERE user_id = $u ORDER BY site_id", ("$u", id)))
        using (var siteReader = siteCommand.ExecuteReader())
        {
            while (siteReader.Read())
            {
                sites.Add(siteReader.GetString(0));
            }
        }

        return new UserAccount(
            id,
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetInt32(4),
            reader.IsDBNull(5) ? null : DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture),
            reader.GetInt32(6) != 0,
            reader.IsDBNull(7) ? null : reader.GetString(7),
            sites.ToImmutable());
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }
}
