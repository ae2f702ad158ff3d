using System.Diagnostics.Metrics;

namespace GreenCompute.Influx.Writing;

/// <summary>
/// The writer's counters, kept both as plain numbers (read by tests and health checks) and as instruments of the
/// <c>GreenCompute.Influx</c> meter.
/// </summary>
internal sealed class WriterTelemetry : IDisposable
{
    public const string MeterName = "GreenCompute.Influx";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _written;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _dropped;
    private long _acceptedCount;
    private long _writtenCount;
    private long _retryCount;
    private long _droppedCount;
    private long _batchCount;

    public WriterTelemetry(IMeterFactory? meterFactory, Func<long> backlog)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _accepted = _meter.CreateCounter<long>("greencompute.influx.writer.accepted", "{point}", "Points accepted into the disk buffer.");
        _written = _meter.CreateCounter<long>("greencompute.influx.writer.written", "{point}", "Points confirmed stored by the server.");
        _retries = _meter.CreateCounter<long>("greencompute.influx.writer.retries", "{request}", "Write requests that failed and will be retried.");
        _dropped = _meter.CreateCounter<long>("greencompute.influx.writer.dropped", "{point}", "Points refused by the server or by a full buffer.");
        _meter.CreateObservableGauge("greencompute.influx.writer.backlog", backlog, "{point}", "Points accepted but not yet confirmed.");
    }

    public long Accepted => Interlocked.Read(ref _acceptedCount);

    public long Written => Interlocked.Read(ref _writtenCount);

    public long Retries => Interlocked.Read(ref _retryCount);

    public long Dropped => Interlocked.Read(ref _droppedCount);

    public long Batches => Interlocked.Read(ref _batchCount);

    public void AddAccepted(long points)
    {
        Interlocked.Add(ref _acceptedCount, points);
        _accepted.Add(points);
    }

    public void AddWritten(long points)
    {
        Interlocked.Increment(ref _batchCount);
        Interlocked.Add(ref _writtenCount, points);
        _written.Add(points);
    }

    public void AddRetry()
    {
        Interlocked.Increment(ref _retryCount);
        _retries.Add(1);
    }

    /// <param name="points">How many points were dropped.</param>
    /// <param name="reason"><c>rejected</c> (by the server) or <c>buffer_full</c>.</param>
    public void AddDropped(long points, string reason)
    {
        Interlocked.Add(ref _droppedCount, points);
        _dropped.Add(points, new KeyValuePair<string, object?>("reason", reason));
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
