using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using GreenCompute.Grains.Messaging;

namespace GreenCompute.LoadGen;

/// <summary>
/// One simulated device as a bare MQTT 3.1.1 connection (clean session, user name = node id): CONNECT once, then each
/// <see cref="Publish"/> is one pre-encoded PUBLISH in one blocking socket send, and PUBACKs are read in bulk by
/// <see cref="AwaitAcknowledgements"/> at the end of a run (4 bytes each, checked in order). It is a load generator, not
/// a client library: no reconnect, no keep-alive pings (the keep alive is longer than a benchmark run), no async state.
/// Sequence numbers and the energy counter rise with every message, and times strictly rise, so the silo applies each.
/// </summary>
internal sealed class DeviceConnection : IDisposable
{
    private const ushort KeepAliveSeconds = 300;

    private readonly Socket _socket;
    private readonly TelemetryFrame _frame;
    private readonly bool _qos1;
    private long _sequence;
    private double _energyWh;
    private DateTimeOffset _lastTime;
    private ushort _lastSentId;
    private ushort _lastAckedId;
    private long _unacknowledged;

    private DeviceConnection(Socket socket, string nodeId, bool qos1)
    {
        _socket = socket;
        _qos1 = qos1;
        _frame = new TelemetryFrame(nodeId, Topics.Telemetry(nodeId), qos1);
    }

    public static async Task<DeviceConnection> ConnectAsync(string host, int port, string nodeId, bool qos1)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port);
            await socket.SendAsync(Connect($"loadgen-{nodeId}", nodeId));
            var connAck = new byte[4];
            for (var read = 0; read < connAck.Length;)
            {
                var n = await socket.ReceiveAsync(connAck.AsMemory(read));
                read += n > 0 ? n : throw new IOException($"{nodeId}: the broker closed the connection before CONNACK.");
            }

            if (connAck[0] != 0x20 || connAck[1] != 0x02 || connAck[3] != 0)
            {
                throw new IOException($"{nodeId}: CONNECT refused (CONNACK {Convert.ToHexString(connAck)}).");
            }

            return new DeviceConnection(socket, nodeId, qos1);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends the next telemetry message (one socket send) using <paramref name="scratch"/> to build it.</summary>
    public void Publish(Span<byte> scratch, DateTimeOffset now)
    {
        _sequence++;
        _energyWh += 1.5;
        _lastTime = now > _lastTime ? now : _lastTime.AddTicks(1);
        ushort id = 0;
        if (_qos1)
        {
            id = _lastSentId = (ushort)(_lastSentId == ushort.MaxValue ? 1 : _lastSentId + 1);
            _unacknowledged++;
        }

        var length = _frame.Write(scratch, id, _lastTime, _sequence, _energyWh);
        for (var sent = 0; sent < length;)
        {
            sent += _socket.Send(scratch[sent..length]);
        }
    }

    /// <summary>Reads PUBACKs until every QoS 1 message sent so far is acknowledged (blocking), checking their order.</summary>
    public void AwaitAcknowledgements(byte[] buffer)
    {
        var filled = 0;
        while (_unacknowledged > 0)
        {
            var n = _socket.Receive(buffer, filled, (int)Math.Min(buffer.Length - filled, (_unacknowledged * 4) - filled), SocketFlags.None);
            if (n == 0)
            {
                throw new IOException($"The broker closed the connection with {_unacknowledged} PUBACKs outstanding.");
            }

            filled += n;
            var offset = 0;
            for (; filled - offset >= 4; offset += 4)
            {
                var id = BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(offset + 2));
                var expected = (ushort)(_lastAckedId == ushort.MaxValue ? 1 : _lastAckedId + 1);
                if (buffer[offset] != 0x40 || buffer[offset + 1] != 0x02 || id != expected)
                {
                    throw new IOException($"Expected PUBACK {expected}, got {Convert.ToHexString(buffer, offset, 4)}.");
                }

                _lastAckedId = id;
                _unacknowledged--;
            }

            buffer.AsSpan(offset, filled - offset).CopyTo(buffer);
            filled -= offset;
        }
    }

    /// <summary>DISCONNECT (normal: no will), then close.</summary>
    public void Disconnect()
    {
        _socket.Send([0xE0, 0x00]);
        _socket.Shutdown(SocketShutdown.Both);
    }

    public void Dispose() => _socket.Dispose();

    private static byte[] Connect(string clientId, string userName)
    {
        var id = Encoding.UTF8.GetBytes(clientId);
        var user = Encoding.UTF8.GetBytes(userName);
        var remaining = 10 + 2 + id.Length + 2 + user.Length;
        if (remaining >= 128)
        {
            throw new ArgumentException("Client id and user name are too long for this CONNECT encoder.", nameof(clientId));
        }

        var packet = new List<byte> { 0x10, (byte)remaining, 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4, 0x82 };
        packet.AddRange([(byte)(KeepAliveSeconds >> 8), (byte)(KeepAliveSeconds & 0xFF)]);
        packet.AddRange([(byte)(id.Length >> 8), (byte)id.Length, .. id]);
        packet.AddRange([(byte)(user.Length >> 8), (byte)user.Length, .. user]);
        return [.. packet];
    }
}
