using GreenCompute.Mqtt.Formatting;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;
using Microsoft.Data.Sqlite;

namespace GreenCompute.Mqtt.Broker;

/// <summary>
/// The embedded broker's persistent sessions and retained messages in a SQLite file: saved when the broker stops,
/// loaded (and the file emptied) when it starts, like Mosquitto's persistence database saved on SIGTERM. A session keeps
/// its subscriptions, its in-flight QoS 1/2 deliveries (resent with DUP, or PUBREL once released, on resume, with their
/// packet identifiers), its queue and its unreleased incoming QoS 2 identifiers. Messages are stored as encoded MQTT 5
/// PUBLISH packets. The time a session had been offline carries over; the broker's own downtime does not count.
/// </summary>
internal sealed class BrokerSessionStore(string path, TimeProvider time)
{
    private static readonly MqttPacketEncoder Encoder = new(MqttProtocolVersion.V500);

    public void Save(IEnumerable<BrokerSession> sessions, IEnumerable<BrokerMessage> retained)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "DELETE FROM sessions; DELETE FROM subscriptions; DELETE FROM deliveries; DELETE FROM retained;");
        var now = time.GetTimestamp();
        foreach (var session in sessions)
        {
            var (inFlight, queued, incoming) = session.Snapshot();
            var offline = session.Connection is null ? time.GetElapsedTime(session.DisconnectedAt, now).TotalMilliseconds : 0;
            Execute(connection, "INSERT INTO sessions VALUES ($id, $expiry, $offline, $qos2)",
                ("$id", session.ClientId), ("$expiry", (long)session.ExpiryInterval), ("$offline", (long)offline), ("$qos2", string.Join(',', incoming)));
            foreach (var (key, s) in session.Subscriptions)
            {
                Execute(connection, "INSERT INTO subscriptions VALUES ($id, $key, $filter, $share, $qos, $noLocal, $rap, $handling, $subId)",
                    ("$id", session.ClientId), ("$key", key), ("$filter", s.Filter), ("$share", s.ShareName), ("$qos", (long)s.Options.MaximumQualityOfService),
                    ("$noLocal", s.Options.NoLocal), ("$rap", s.Options.RetainAsPublished), ("$handling", (long)s.Options.RetainHandling),
                    ("$subId", s.SubscriptionIdentifier is { } sid ? (long)sid : null));
            }

            var order = 0L;
            foreach (var (delivery, isInFlight) in inFlight.Select(d => (d, true)).Concat(queued.Select(d => (d, false))))
            {
                Execute(connection, "INSERT INTO deliveries VALUES ($id, $order, $inFlight, $released, $packet)",
                    ("$id", session.ClientId), ("$order", order++), ("$inFlight", isInFlight), ("$released", delivery.Released),
                    ("$packet", Encode(delivery.ToPacket(MqttProtocolVersion.V500, dup: false))));
            }
        }

        foreach (var message in retained)
        {
            var packet = new OutgoingDelivery(message, message.QualityOfService, retain: true, []).ToPacket(MqttProtocolVersion.V500, dup: false);
            Execute(connection, "INSERT INTO retained VALUES ($topic, $packet)", ("$topic", message.Topic), ("$packet", Encode(packet)));
        }

        transaction.Commit();
    }

    /// <summary>Reads what <see cref="Save"/> wrote and empties the file: from now on the state lives in the broker.</summary>
    public (List<BrokerSession> Sessions, List<BrokerMessage> Retained) Load(int maximumQueued)
    {
        var sessions = new Dictionary<string, (BrokerSession Session, List<OutgoingDelivery> InFlight, List<OutgoingDelivery> Queued, ushort[] Qos2)>(StringComparer.Ordinal);
        var retained = new List<BrokerMessage>();
        using var connection = Open();
        var decoder = new MqttPacketDecoder(MqttProtocolVersion.V500, 268_435_460);
        var now = time.GetTimestamp();
        foreach (var row in Query(connection, "SELECT client_id, expiry, offline_ms, qos2 FROM sessions"))
        {
            var offline = (long)(TimeSpan.FromMilliseconds((long)row[2]!).TotalSeconds * time.TimestampFrequency);
            var session = new BrokerSession((string)row[0]!, maximumQueued) { ExpiryInterval = (uint)(long)row[1]!, DisconnectedAt = now - offline };
            var qos2 = ((string)row[3]!).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ushort.Parse).ToArray();
            sessions[session.ClientId] = (session, [], [], qos2);
        }

        foreach (var row in Query(connection, "SELECT * FROM subscriptions"))
        {
            var options = new MqttSubscription
            {
                TopicFilter = (string)row[1]!, MaximumQualityOfService = (MqttQualityOfService)(long)row[4]!, NoLocal = (long)row[5]! != 0,
                RetainAsPublished = (long)row[6]! != 0, RetainHandling = (MqttRetainHandling)(long)row[7]!,
            };
            sessions[(string)row[0]!].Session.Subscriptions[(string)row[1]!] =
                new BrokerSubscription(options, (string)row[2]!, row[3] as string, row[8] is long id ? (uint)id : null);
        }

        foreach (var row in Query(connection, "SELECT client_id, in_flight, released, packet FROM deliveries ORDER BY client_id, position"))
        {
            var packet = (MqttPublishPacket)decoder.Decode((byte[])row[3]!);
            var delivery = new OutgoingDelivery(ToMessage(packet, retain: false), packet.QualityOfService, packet.Retain, packet.Properties.SubscriptionIdentifiers);
            var entry = sessions[(string)row[0]!];
            if ((long)row[1]! != 0)
            {
                delivery.PacketIdentifier = packet.PacketIdentifier;
                delivery.Released = (long)row[2]! != 0;
                entry.InFlight.Add(delivery);
            }
            else
            {
                entry.Queued.Add(delivery);
            }
        }

        foreach (var row in Query(connection, "SELECT packet FROM retained"))
        {
            retained.Add(ToMessage((MqttPublishPacket)decoder.Decode((byte[])row[0]!), retain: true));
        }

        Execute(connection, "DELETE FROM sessions; DELETE FROM subscriptions; DELETE FROM deliveries; DELETE FROM retained;");
        foreach (var (session, inFlight, queued, qos2) in sessions.Values)
        {
            session.Restore(inFlight, queued, qos2);
        }

        return ([.. sessions.Values.Select(s => s.Session)], retained);
    }

    private static BrokerMessage ToMessage(MqttPublishPacket packet, bool retain) => new(
        packet.Topic, packet.Payload, packet.QualityOfService, retain,
        new MqttProperties(packet.Properties.Items.Where(p => p.Id != MqttPropertyId.SubscriptionIdentifier)), "");

    private static byte[] Encode(MqttPublishPacket packet) =>
        // A queued message has no identifier yet; the encoder wants one for QoS 1/2 (it is not used when loading).
        Encoder.Encode(packet.QualityOfService != MqttQualityOfService.AtMostOnce && packet.PacketIdentifier == 0 ? packet with { PacketIdentifier = 1 } : packet);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS sessions (client_id TEXT PRIMARY KEY, expiry INTEGER NOT NULL, offline_ms INTEGER NOT NULL, qos2 TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS subscriptions (client_id TEXT NOT NULL, key TEXT NOT NULL, filter TEXT NOT NULL, share TEXT, qos INTEGER NOT NULL,
                no_local INTEGER NOT NULL, rap INTEGER NOT NULL, handling INTEGER NOT NULL, sub_id INTEGER, PRIMARY KEY (client_id, key));
            CREATE TABLE IF NOT EXISTS deliveries (client_id TEXT NOT NULL, position INTEGER NOT NULL, in_flight INTEGER NOT NULL, released INTEGER NOT NULL,
                packet BLOB NOT NULL, PRIMARY KEY (client_id, position));
            CREATE TABLE IF NOT EXISTS retained (topic TEXT PRIMARY KEY, packet BLOB NOT NULL);
            """);
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    private static List<object?[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
