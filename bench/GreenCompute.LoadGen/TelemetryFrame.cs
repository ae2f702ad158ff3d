using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace GreenCompute.LoadGen;

/// <summary>
/// One device's MQTT 3.1.1 PUBLISH of schema-1 telemetry, written straight into a byte buffer: the topic and the JSON
/// around the changing fields are encoded once per device, and each message patches in only its packet identifier,
/// time, sequence number and energy counter. What it writes is what
/// <c>PayloadCodec.Write(new TelemetryPayload(…))</c> wrote before (camelCase, nulls left out); <see cref="LoadGenerator"/>
/// checks one frame per run with the silo's own reader and validator.
/// </summary>
internal sealed class TelemetryFrame
{
    /// <summary>Large enough for any frame: topic and payload are under 250 bytes together.</summary>
    public const int MaxSize = 512;

    private static readonly byte[] AfterTime = "\",\"seq\":"u8.ToArray();
    private static readonly byte[] AfterSeq = ",\"roomCelsius\":20.5,\"powerWatts\":540,\"energyWh\":"u8.ToArray();
    private static readonly byte[] Tail = ",\"cpu\":0.5,\"runningTasks\":[]}"u8.ToArray();

    private readonly byte[] _topic;
    private readonly byte[] _head;
    private readonly bool _qos1;

    public TelemetryFrame(string nodeId, string topic, bool qos1)
    {
        _topic = Encoding.UTF8.GetBytes(topic);
        _head = Encoding.UTF8.GetBytes($"{{\"v\":1,\"nodeId\":\"{nodeId}\",\"time\":\"");
        _qos1 = qos1;
    }

    /// <summary>Writes the whole PUBLISH packet into <paramref name="destination"/> and returns its length.</summary>
    public int Write(Span<byte> destination, ushort packetId, DateTimeOffset time, long sequence, double energyWh)
    {
        // The body first, 4 bytes in (room for the fixed header), then the fixed header right in front of it.
        var body = destination[5..];
        var n = 0;
        BinaryPrimitives.WriteUInt16BigEndian(body, (ushort)_topic.Length);
        n += 2;
        n += Put(body[n..], _topic);
        if (_qos1)
        {
            BinaryPrimitives.WriteUInt16BigEndian(body[n..], packetId);
            n += 2;
        }

        n += Put(body[n..], _head);
        n += Format(time.TryFormat(body[n..], out var w, "O", CultureInfo.InvariantCulture), w);
        n += Put(body[n..], AfterTime);
        n += Format(sequence.TryFormat(body[n..], out w, default, CultureInfo.InvariantCulture), w);
        n += Put(body[n..], AfterSeq);
        n += Format(energyWh.TryFormat(body[n..], out w, default, CultureInfo.InvariantCulture), w);
        n += Put(body[n..], Tail);

        // Remaining length: a variable byte integer of 1 or 2 bytes here (the body is under 16,384 bytes).
        var lengthSize = n < 128 ? 1 : 2;
        var start = 5 - 1 - lengthSize;
        destination[start] = (byte)(_qos1 ? 0x32 : 0x30);
        if (lengthSize == 1)
        {
            destination[start + 1] = (byte)n;
        }
        else
        {
            destination[start + 1] = (byte)((n & 0x7F) | 0x80);
            destination[start + 2] = (byte)(n >> 7);
        }

        var total = 1 + lengthSize + n;
        destination.Slice(start, total).CopyTo(destination);
        return total;
    }

    private static int Put(Span<byte> destination, byte[] bytes)
    {
        bytes.CopyTo(destination);
        return bytes.Length;
    }

    private static int Format(bool written, int count) =>
        written ? count : throw new InvalidOperationException("A telemetry field did not fit the frame buffer.");
}
