using GreenCompute.EdgeAgent.State;

namespace GreenCompute.EdgeAgent.Outbox;

/// <summary>
/// The disk-backed outbox for QoS 1 events: <see cref="Add"/> returns once the message is in SQLite; the
/// <see cref="OutboxPump"/> publishes in order and deletes a row only after the broker's PUBACK. After a crash or a broker
/// outage the rows still there are sent again: at least once, in order; the silo deduplicates by task id and kind.
/// </summary>
internal sealed class EventOutbox(AgentDatabase database)
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Add(string topic, byte[] payload, DateTimeOffset created)
    {
        using (var connection = database.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO outbox(topic, payload, created) VALUES($t, $p, $c)";
            command.Parameters.AddWithValue("$t", topic);
            command.Parameters.AddWithValue("$p", payload);
            command.Parameters.AddWithValue("$c", created.ToString("O"));
            command.ExecuteNonQuery();
        }

        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public int Count
    {
        get
        {
            using var connection = database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM outbox";
            return (int)(long)command.ExecuteScalar()!;
        }
    }

    /// <summary>The oldest rows, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<OutboxMessage> Peek(int limit)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, topic, payload FROM outbox ORDER BY id LIMIT $l";
        command.Parameters.AddWithValue("$l", limit);
        using var reader = command.ExecuteReader();
        var rows = new List<OutboxMessage>();
        while (reader.Read())
        {
            rows.Add(new OutboxMessage(reader.GetInt64(0), reader.GetString(1), (byte[])reader.GetValue(2)));
        }

        return rows;
    }

    public void Remove(long id)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM outbox WHERE id = $i";
        command.Parameters.AddWithValue("$i", id);
        command.ExecuteNonQuery();
    }

    /// <summary>Completes when a message was added since the last wait (or at once if one is pending).</summary>
    public Task WaitForNewAsync(CancellationToken cancellationToken) => _signal.WaitAsync(cancellationToken);
}
