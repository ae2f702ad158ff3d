using System.Buffers;
using System.Diagnostics.Metrics;
using System.Text;
using GreenCompute.Influx.Http;
using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.Writing;

/// <summary>
/// A batching writer with a disk buffer. A point is <em>accepted</em> when <see cref="WriteAsync(PointData, CancellationToken)"/>
/// completes: it is then committed to the SQLite file at <see cref="InfluxWriterOptions.BufferPath"/> (fsynced when
/// <see cref="InfluxWriterOptions.SyncEveryCommit"/>), and stays there through server outages and process restarts
/// until the server answers 2xx for a request holding it, or refuses it for good (then it is counted in
/// <see cref="DroppedPoints"/> and reported through <see cref="WriteError"/>). Batches are sent when
/// <see cref="InfluxWriterOptions.MaxBatchPoints"/> points wait, at the latest every
/// <see cref="InfluxWriterOptions.FlushInterval"/>, and on <see cref="FlushAsync"/>. Failed requests are retried with
/// exponential backoff and jitter (honouring <c>Retry-After</c>), forever: the buffer is the limit.
/// A request whose 2xx was lost is sent again; InfluxDB stores a point once per series and timestamp, so the repeat
/// overwrites instead of duplicating — give points distinct timestamps per series.
/// Points without a timestamp are stamped when accepted, not when sent. Thread-safe.
/// </summary>
public sealed class InfluxWriter : IAsyncDisposable
{
    private readonly InfluxWriterOptions _options;
    private readonly TimeProvider _time;
    private readonly LineProtocolOptions _dialect;
    private readonly WriteBuffer _buffer;
    private readonly WriterTelemetry _telemetry;
    private readonly AcceptQueue _accept;
    private readonly DeliveryLoop _delivery;
    private int _disposed;

    /// <param name="http">Used for every request; its <see cref="HttpClient.Timeout"/> bounds one attempt.</param>
    /// <param name="connection">The server and the write target.</param>
    /// <param name="options">Batching, retries and the buffer file.</param>
    /// <param name="time">Drives the flush interval, backoff delays and timestamps of unstamped points.</param>
    /// <param name="meterFactory">Creates the <c>GreenCompute.Influx</c> meter; a private meter when null.</param>
    /// <exception cref="InvalidOperationException">The options are invalid, or another writer holds the buffer file.</exception>
    public InfluxWriter(
        HttpClient http,
        InfluxConnectionOptions connection,
        InfluxWriterOptions options,
        TimeProvider? time = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        connection.Validate();
        options.Validate();
        _options = options;
        _time = time ?? TimeProvider.System;
        _dialect = options.LineProtocol ?? LineProtocolOptions.InfluxDb1;
        _buffer = WriteBuffer.Open(options.BufferPath, options.SyncEveryCommit);
        _telemetry = new WriterTelemetry(meterFactory, () => _buffer.Count);
        var sender = new BatchSender(http, connection, options.Gzip, _time);
        _delivery = new DeliveryLoop(_buffer, sender, options, _time, _telemetry, Raise);
        _accept = new AcceptQueue(_buffer, OnCommitted);
    }

    /// <summary>
    /// Raised on the delivery task for every failed request and every refused point. Handlers must be quick; an
    /// exception from a handler is kept in <see cref="LastFault"/> and does not disturb delivery or other handlers.
    /// </summary>
    public event EventHandler<InfluxWriteErrorEventArgs>? WriteError;

    /// <summary>Points accepted into the buffer since this writer started.</summary>
    public long AcceptedPoints => _telemetry.Accepted;

    /// <summary>Points the server confirmed (2xx, or the good part of a partial write).</summary>
    public long WrittenPoints => _telemetry.Written;

    /// <summary>Points refused by the server for good, or refused at acceptance because the buffer was full.</summary>
    public long DroppedPoints => _telemetry.Dropped;

    /// <summary>Failed requests that were (or will be) retried.</summary>
    public long RetryCount => _telemetry.Retries;

    /// <summary>Requests that stored at least part of their batch.</summary>
    public long SentBatches => _telemetry.Batches;

    /// <summary>Points accepted but not yet confirmed (including a backlog from an earlier run).</summary>
    public long BacklogPoints => _buffer.Count;

    /// <summary>The last unexpected failure of the delivery task (disk error, throwing handler); null if none.</summary>
    public Exception? LastFault => _delivery.LastFault;

    public Task<bool> WriteAsync(PointData point, CancellationToken cancellationToken = default) =>
        WriteAsync([point], cancellationToken);

    /// <summary>
    /// Encodes and accepts <paramref name="points"/> in one commit. Returns false, accepting none of them, when the
    /// buffer holds <see cref="InfluxWriterOptions.MaxBufferedPoints"/>. Cancellation is observed only before the
    /// points are queued for the commit.
    /// </summary>
    /// <exception cref="ArgumentException">A point cannot be written in the configured dialect; none were accepted.</exception>
    /// <exception cref="InvalidOperationException">A point has no fields; none were accepted.</exception>
    public Task<bool> WriteAsync(IEnumerable<PointData> points, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var now = _time.GetUtcNow();
        return AcceptAsync(Encode(points.Select(point => point.Time is null ? point.Timestamp(now, _options.DefaultTimestampPrecision) : point)), cancellationToken);
    }

    /// <summary>
    /// Accepts pre-encoded line protocol whose timestamps are in <paramref name="precision"/>. The text is checked
    /// with the strict reader first (a malformed line refuses the whole call); lines without a timestamp get the
    /// current time.
    /// </summary>
    /// <exception cref="LineProtocolException">A line is malformed; none were accepted.</exception>
    public Task<bool> WriteLinesAsync(string lineProtocol, WritePrecision precision = WritePrecision.Nanoseconds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lineProtocol);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        long now = WritePrecision.Nanoseconds.ToUnixTimestamp(_time.GetUtcNow());
        var points = LineProtocolReader.Parse(Encoding.UTF8.GetBytes(lineProtocol), _dialect, precision, now);
        return AcceptAsync(Encode(points.Select(point => point.ToPointData())), cancellationToken);
    }

    /// <summary>
    /// Sends everything accepted before the call and completes when the server has confirmed (or refused) it. During an
    /// outage this waits for the server: pass a token to bound the wait.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _accept.BarrierAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        await _delivery.FlushUpToAsync(_buffer.LastAssignedId(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops accepting, commits what was queued, tries to deliver the backlog for at most
    /// <see cref="InfluxWriterOptions.ShutdownFlushTimeout"/>, and closes the buffer; what is left is sent by the
    /// next writer opened on the same file.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _accept.CompleteAsync().ConfigureAwait(false);
        if (_options.ShutdownFlushTimeout > TimeSpan.Zero && _buffer.Count > 0)
        {
            using var timeout = new CancellationTokenSource(_options.ShutdownFlushTimeout, _time);
            try
            {
                await _delivery.FlushUpToAsync(_buffer.LastAssignedId(), timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                // The server did not take everything in time; the rest stays in the buffer file for the next start.
            }
        }

        await _delivery.StopAsync().ConfigureAwait(false);
        _buffer.Dispose();
        _telemetry.Dispose();
    }

    private async Task<bool> AcceptAsync(BufferedLine[] lines, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_buffer.Count + _accept.PendingPoints + lines.Length > _options.MaxBufferedPoints)
        {
            _telemetry.AddDropped(lines.Length, "buffer_full");
            return false;
        }

        await _accept.EnqueueAsync(lines).ConfigureAwait(false);
        return true;
    }

    private BufferedLine[] Encode(IEnumerable<PointData> points)
    {
        var output = new ArrayBufferWriter<byte>(256);
        var lines = new List<BufferedLine>();
        using var writer = new LineProtocolWriter(output, _dialect);
        foreach (var point in points)
        {
            int start = output.WrittenCount;
            writer.WritePoint(point, _options.DefaultTags);
            lines.Add(new BufferedLine(point.Precision, output.WrittenSpan[start..^1].ToArray()));
        }

        return [.. lines];
    }

    private void Raise(InfluxWriteErrorEventArgs error)
    {
        if (WriteError is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<InfluxWriteErrorEventArgs>>())
        {
            try
            {
                handler(this, error);
            }
            catch (Exception e)
            {
                // A faulty handler must not stop delivery: it is kept for health checks instead.
                _delivery.RecordFault(e);
            }
        }
    }

    private void OnCommitted(long points)
    {
        _telemetry.AddAccepted(points);
        if (_buffer.Count >= _options.MaxBatchPoints || _buffer.Bytes >= _options.MaxBatchBytes)
        {
            _delivery.Wake();
        }
    }
}
