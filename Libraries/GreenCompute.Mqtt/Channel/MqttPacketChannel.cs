using System.IO.Pipelines;
using System.Threading.Channels;
using GreenCompute.Mqtt.Formatting;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Channel;

/// <summary>
/// One network connection seen as MQTT packets. Reading: a <see cref="PipeReader"/> feeding the streaming decoder,
/// called from one read loop. Writing: an unbounded outbound queue drained by one writer loop, so callers may enqueue
/// while holding their own locks and packets leave in enqueue order; consecutive packets share one flush.
/// </summary>
internal sealed class MqttPacketChannel : IAsyncDisposable
{
    private const int FlushThreshold = 64 * 1024;

    private readonly Stream _stream;
    private readonly PipeReader _reader;
    private readonly PipeWriter _writer;
    private readonly TimeProvider _time;
    private readonly Channel<OutboundPacket> _outbound =
        System.Threading.Channels.Channel.CreateUnbounded<OutboundPacket>(new UnboundedChannelOptions { SingleReader = true });

    private readonly CancellationTokenSource _closed = new();
    private readonly Task _writeLoop;
    private volatile MqttPacketDecoder _decoder;
    private volatile MqttPacketEncoder _encoder;
    private long _lastSentTimestamp;
    private int _closeRequested;

    public MqttPacketChannel(Stream stream, MqttProtocolVersion version, int maximumIncomingPacketSize, TimeProvider time)
    {
        _stream = stream;
        _time = time;
        // Zero-byte reads: an idle connection waits for data without holding a rented buffer. Without them each of a
        // broker's thousands of mostly idle device connections pins a 4 KB buffer while it waits, the shared pool cannot
        // hold that many, and every received packet cost a fresh 4 KB array for the GC.
        _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true, useZeroByteReads: true));
        _writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        _decoder = new MqttPacketDecoder(version, maximumIncomingPacketSize);
        _encoder = new MqttPacketEncoder(version);
        _lastSentTimestamp = time.GetTimestamp();
        _writeLoop = Task.Run(WriteLoopAsync);
    }

    public MqttProtocolVersion ProtocolVersion => _encoder.ProtocolVersion;

    /// <summary>The peer's Maximum Packet Size (MQTT 5); a bigger packet is refused instead of sent.</summary>
    public uint? MaximumOutgoingPacketSize { get; set; }

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the last flush, for keep alive.</summary>
    public long LastSentTimestamp => Interlocked.Read(ref _lastSentTimestamp);

    /// <summary>Cancelled when the channel closes, whichever side closed it.</summary>
    public CancellationToken Closed => _closed.Token;

    /// <summary>Why the writer stopped, when it stopped on an error.</summary>
    public Exception? WriteFault { get; private set; }

    /// <summary>Switches both directions to <paramref name="version"/> (a server learns it from CONNECT).</summary>
    public void UseProtocolVersion(MqttProtocolVersion version, int maximumIncomingPacketSize)
    {
        _decoder = new MqttPacketDecoder(version, maximumIncomingPacketSize);
        _encoder = new MqttPacketEncoder(version);
    }

    public int GetEncodedSize(MqttPacket packet) => _encoder.GetEncodedSize(packet);

    /// <summary>True when the packet fits the peer's Maximum Packet Size (or no limit is known).</summary>
    public bool Fits(MqttPacket packet) => MaximumOutgoingPacketSize is not { } max || (uint)_encoder.GetEncodedSize(packet) <= max;

    /// <summary>Queues a packet; false when the channel is already closed. Never blocks.</summary>
    public bool Send(MqttPacket packet) => _outbound.Writer.TryWrite(new OutboundPacket(packet, null));

    /// <summary>Queues a packet and completes once it has been flushed to the network.</summary>
    public Task SendAsync(MqttPacket packet)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_outbound.Writer.TryWrite(new OutboundPacket(packet, written)))
        {
            written.TrySetException(new IOException("The connection is closed."));
        }

        return written.Task;
    }

    /// <summary>Reads the next packet; null when the peer closed the connection or the channel was closed.</summary>
    /// <exception cref="MqttProtocolException">The bytes are not a valid packet: close the connection.</exception>
    /// <remarks>
    /// Not a pooled state machine (PoolingAsyncValueTaskMethodBuilder): with it, the MQTT test suite hung in
    /// ClientConcurrentHandlerTests in two full runs out of two (never without it, five runs); the cause is not found.
    /// </remarks>
    public async ValueTask<MqttPacket?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult result;
            try
            {
                result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is IOException or ObjectDisposedException or OperationCanceledException)
            {
                return null;
            }

            var buffer = result.Buffer;
            bool decoded;
            MqttPacket? packet;
            try
            {
                decoded = _decoder.TryDecode(ref buffer, out packet);
            }
            catch (MqttProtocolException)
            {
                _reader.AdvanceTo(result.Buffer.Start);
                throw;
            }

            if (decoded)
            {
                _reader.AdvanceTo(buffer.Start);
                return packet;
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                return null;
            }
        }
    }

    /// <summary>Flushes what is queued (bounded by <paramref name="timeout"/>), then closes.</summary>
    public async Task FlushAndCloseAsync(TimeSpan timeout)
    {
        _outbound.Writer.TryComplete();
        await Task.WhenAny(_writeLoop, Task.Delay(timeout, _time)).ConfigureAwait(false);
        Close();
    }

    /// <summary>Closes the connection at once; pending sends are failed. Safe to call more than once, from any thread.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) != 0)
        {
            return;
        }

        _outbound.Writer.TryComplete();
        _closed.Cancel();

        // Disposing the stream unblocks a pending socket read or write.
        _stream.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        Close();
        await _writeLoop.ConfigureAwait(false);
        await _reader.CompleteAsync().ConfigureAwait(false);
        _closed.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var token = _closed.Token;
        var flushed = new List<TaskCompletionSource>();
        try
        {
            while (await _outbound.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (_outbound.Reader.TryRead(out var item))
                {
                    if (!TryEncode(item))
                    {
                        continue;
                    }

                    if (item.Written is { } written)
                    {
                        flushed.Add(written);
                    }

                    if (_writer.UnflushedBytes >= FlushThreshold)
                    {
                        await FlushAsync(flushed, token).ConfigureAwait(false);
                    }
                }

                await FlushAsync(flushed, token).ConfigureAwait(false);
            }
        }
        catch (Exception error)
        {
            // The top of a background loop: an I/O error or a close ends the connection; the owner sees Closed and logs.
            WriteFault = error is OperationCanceledException ? null : error;
        }
        finally
        {
            var closedError = new IOException("The connection closed before the packet was written.", WriteFault);
            foreach (var written in flushed)
            {
                written.TrySetException(closedError);
            }

            while (_outbound.Reader.TryRead(out var item))
            {
                item.Written?.TrySetException(closedError);
            }

            Close();
            await CompleteWriterAsync().ConfigureAwait(false);
        }
    }

    private async Task CompleteWriterAsync()
    {
        try
        {
            await _writer.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException)
        {
            // Completing flushes leftovers into a stream that is already closed: there is nowhere left to write them.
            WriteFault ??= error;
        }
    }

    private bool TryEncode(OutboundPacket item)
    {
        try
        {
            if (!Fits(item.Packet))
            {
                throw new MqttProtocolException(MqttReasonCode.PacketTooLarge,
                    $"{item.Packet.Type} is larger than the peer's maximum packet size {MaximumOutgoingPacketSize}.");
            }

            // The encoder measures (and validates) the whole packet before writing a byte, so a refusal leaves the pipe clean.
            _encoder.Encode(item.Packet, _writer);
            return true;
        }
        catch (MqttProtocolException error)
        {
            item.Written?.TrySetException(error);
            return false;
        }
    }

    private async ValueTask FlushAsync(List<TaskCompletionSource> flushed, CancellationToken token)
    {
        if (_writer.UnflushedBytes == 0 && flushed.Count == 0)
        {
            return;
        }

        await _writer.FlushAsync(token).ConfigureAwait(false);
        Interlocked.Exchange(ref _lastSentTimestamp, _time.GetTimestamp());
        foreach (var written in flushed)
        {
            written.TrySetResult();
        }

        flushed.Clear();
    }
}
