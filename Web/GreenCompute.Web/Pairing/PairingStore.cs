using System.Globalization;
using Microsoft.Data.Sqlite;
using static GreenCompute.Web.Storage.SqliteCommands;

namespace GreenCompute.Web.Pairing;

/// <summary>Pairing requests and device MQTT credentials, in the accounts database (SQLite).</summary>
internal sealed class PairingStore
{
    private readonly string _connectionString;

    public PairingStore(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS pairings (
              claim_code TEXT PRIMARY KEY, device_address TEXT NOT NULL, cores INTEGER NOT NULL, max_power_w REAL NOT NULL,
              agent_version TEXT NOT NULL, requested_at TEXT NOT NULL, node_id TEXT NULL UNIQUE, site_id TEXT NULL, room_id TEXT NULL,
              mqtt_password TEXT NULL, mqtt_password_hash TEXT NULL, handed_out INTEGER NOT NULL DEFAULT 0);
            """);
    }

    public PairingRecord? Find(string claimCode) => Single("claim_code = $k", claimCode);

    public PairingRecord? FindByNode(string nodeId) => Single("node_id = $k", nodeId);

    public IReadOnlyList<PairingRecord> Recent(int count)
    {
        using var connection = Open();
        using var command = Command(connection, $"{Select} ORDER BY requested_at DESC LIMIT $n", ("$n", count));
        return ReadAll(command);
    }

    /// <summary>Stores a new request; false when the code exists already (the caller decides idempotent or conflict).</summary>
    public bool TryAdd(PairingRecord r)
    {
        using var connection = Open();
        using var command = Command(connection, """
            INSERT OR IGNORE INTO pairings (claim_code, device_address, cores, max_power_w, agent_version, requested_at)
            VALUES ($c, $a, $n, $p, $v, $t)
            """, ("$c", r.ClaimCode), ("$a", r.DeviceAddress), ("$n", r.Cores), ("$p", r.MaxPowerWatts), ("$v", r.AgentVersion),
            ("$t", r.RequestedAt.ToString("O", CultureInfo.InvariantCulture)));
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>Records the assignment; false when the request was already paired (or is unknown).</summary>
    public bool TryAssign(string claimCode, string nodeId, string siteId, string roomId, string password, string passwordHash)
    {
        using var connection = Open();
        using var command = Command(connection, """
            UPDATE pairings SET node_id = $node, site_id = $site, room_id = $room, mqtt_password = $pw, mqtt_password_hash = $hash
            WHERE claim_code = $c AND node_id IS NULL
            """, ("$node", nodeId), ("$site", siteId), ("$room", roomId), ("$pw", password), ("$hash", passwordHash), ("$c", claimCode));
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>Takes the clear-text password out (once): returns it and forgets it.</summary>
    public string? TakePassword(string claimCode)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        string? password;
        using (var read = Command(connection, "SELECT mqtt_password FROM pairings WHERE claim_code = $c AND handed_out = 0", ("$c", claimCode)))
        {
            password = read.ExecuteScalar() as string;
        }

        if (password is not null)
        {
            using var clear = Command(connection, "UPDATE pairings SET mqtt_password = NULL, handed_out = 1 WHERE claim_code = $c", ("$c", claimCode));
            clear.ExecuteNonQuery();
        }

        tx.Commit();
        return password;
    }

    private const string Select = """
        SELECT claim_code, device_address, cores, max_power_w, agent_version, requested_at, node_id, site_id, room_id,
               mqtt_password, mqtt_password_hash, handed_out FROM pairings
        """;

    private PairingRecord? Single(string where, string key)
    {
        using var connection = Open();
        using var command = Command(connection, $"{Select} WHERE {where}", ("$k", key));
        return ReadAll(command).FirstOrDefault();
    }

    private static List<PairingRecord> ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var records = new List<PairingRecord>();
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            records.Add(new PairingRecord(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetString(4),
                DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture),
                Text(6), Text(7), Text(8), Text(9), Text(10), reader.GetInt32(11) != 0));
        }

        return records;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        command.ExecuteNonQuery();
    }
}
