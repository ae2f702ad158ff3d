using System.Buffers;
using System.Net.Sockets;
using GreenCompute.Mqtt.Formatting;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Tests.Fixtures;

/// <summary>A hand-driven MQTT peer over TCP: exact packets or raw bytes out, decoded packets in.</summary>
internal sealed class RawConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly MqttPacketEncoder _encoder;
    private readonly MqttPacketDecoder _decoder;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private ReadOnlySequence<byte> _pending = ReadOnlySequence<byte>.Empty;

    private RawConnection(TcpClient tcp, MqttProtocolVersion version)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _encoder = new MqttPacketEncoder(version);
        _decoder = new MqttPacketDecoder(version, MqttPacketDecoder.ProtocolMaximumPacketSize);
    }

    public static async Task<RawConnection> OpenAsync(int port, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var tcp = new TcpClient { NoDelay = true };
        await Within.Async(tcp.ConnectAsync("127.0.0.1", port), $"TCP connect to port {port}");
        return new RawConnection(tcp, version);
    }

    /// <summary>The server side of a fake broker: the next client connection on <paramref name="listener"/>.</summary>
    public static async Task<RawConnection> AcceptAsync(TcpListener listener, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var tcp = await Within.Async(listener.AcceptTcpClientAsync(), "the client to connect to the fake broker");
        tcp.NoDelay = true;
        return new RawConnection(tcp, version);
    }

    public Task SendAsync(MqttPacket packet) => SendBytesAsync(_encoder.Encode(packet));

    public async Task SendBytesAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    /// <summary>The next packet, or null when the peer closed the connection.</summary>
    public async Task<MqttPacket?> ReceiveAsync(string what, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? Within.Default);
        while (true)
        {
            var buffer = _pending;
            if (_decoder.TryDecode(ref buffer, out var packet))
            {
                _pending = new ReadOnlySequence<byte>(buffer.ToArray());
                return packet;
            }

            int read;
            try
            {
                read = await _stream.ReadAsync(_buffer, cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
            catch (IOException)
            {
                return null;
            }

            if (read == 0)
            {
                return null;
            }

            _pending = new ReadOnlySequence<byte>([.. _pending.ToArray(), .. _buffer.AsSpan(0, read)]);
        }
    }

    public async Task<T> ExpectAsync<T>(string what)
        where T : MqttPacket
    {
        var packet = await ReceiveAsync(what);
        return packet as T ?? throw new InvalidOperationException($"Expected {what} ({typeof(T).Name}), got {packet?.ToString() ?? "end of stream"}.");
    }

    /// <summary>Reads until the peer closes; returns what it sent first (e.g. a DISCONNECT), failing if it stays open.</summary>
    public async Task<List<MqttPacket>> ReadUntilClosedAsync(string what, TimeSpan? timeout = null)
    {
        var packets = new List<MqttPacket>();
        while (await ReceiveAsync(what, timeout) is { } packet)
        {
            packets.Add(packet);
        }

        return packets;
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes (or fewer if the peer closes): for byte-exact comparisons.</summary>
    public async Task<byte[]> ReceiveBytesAsync(int count, string what, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? Within.Default);
        var result = new List<byte>(_pending.ToArray());
        while (result.Count < count)
        {
            int read;
            try
            {
                read = await _stream.ReadAsync(_buffer, cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {what} ({result.Count} of {count} bytes: {Convert.ToHexString([.. result])}).");
            }
            catch (IOException)
            {
                break;
            }

            if (read == 0)
            {
                break;
            }

            result.AddRange(_buffer.AsSpan(0, read));
        }

        var taken = result.Take(count).ToArray();
        _pending = new ReadOnlySequence<byte>(result.Skip(count).ToArray());
        return taken;
    }

    public void ShutdownSend() => _tcp.Client.Shutdown(SocketShutdown.Send);

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
