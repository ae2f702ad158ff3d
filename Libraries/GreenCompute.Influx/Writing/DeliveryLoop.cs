namespace GreenCompute.Influx.Writing;

/// <summary>
/// Moves lines from the <see cref="WriteBuffer"/> to the server, oldest first. It sleeps until woken (a full batch
/// waits, the flush timer ticks, someone flushes) and then sends until the buffer is empty. A batch leaves the buffer
/// only when the server stored it (2xx) or refused its lines for good; a lost 2xx means the batch is sent again, which
/// InfluxDB absorbs (a point with the same series and timestamp overwrites the earlier one).
/// </summary>
internal sealed class DeliveryLoop
{
    private readonly WriteBuffer _buffer;
    private readonly BatchSender _sender;
    private readonly InfluxWriterOptions _options;
    private readonly TimeProvider _time;
    private readonly WriterTelemetry _telemetry;
    private readonly Action<InfluxWriteErrorEventArgs> _report;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _waitersGate = new();
    private readonly List<(long UpToId, TaskCompletionSource Done)> _flushWaiters = [];
    private readonly ITimer _flushTimer;
    private readonly Task _loop;
    private int _batchLimit;
    private Exception? _lastFault;

    public DeliveryLoop(
        WriteBuffer buffer,
        BatchSender sender,
        InfluxWriterOptions options,
        TimeProvider time,
        WriterTelemetry telemetry,
        Action<InfluxWriteErrorEventArgs> report)
    {
        _buffer = buffer;
        _sender = sender;
        _options = options;
        _time = time;
        _telemetry = telemetry;
        _report = report;
        _batchLimit = options.MaxBatchPoints;
        _flushTimer = time.CreateTimer(_ => WakeIfWaiting(), null, options.FlushInterval, options.FlushInterval);
        _loop = Task.Run(RunAsync);
        if (buffer.Count > 0)
        {
            Wake(); // a backlog left by the previous run goes out at once
        }
    }

    /// <summary>The last unexpected failure (a disk error, a throwing error handler); the loop carries on.</summary>
    public Exception? LastFault => Volatile.Read(ref _lastFault);

    public void RecordFault(Exception fault) => Volatile.Write(ref _lastFault, fault);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: the pending wake-up covers this one too.
        }
    }

    /// <summary>Completes when no line with an id up to <paramref name="lastId"/> is buffered any more.</summary>
    public Task FlushUpToAsync(long lastId, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waitersGate)
        {
            _flushWaiters.Add((lastId, done));
        }

        Wake();
        return done.Task.WaitAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        await _flushTimer.DisposeAsync().ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        lock (_waitersGate)
        {
            _flushWaiters.ForEach(waiter => waiter.Done.TrySetException(new ObjectDisposedException(nameof(InfluxWriter))));
            _flushWaiters.Clear();
        }

        _stop.Dispose();
        _wake.Dispose();
    }

    private void WakeIfWaiting()
    {
        if (_buffer.Count > 0)
        {
            Wake();
        }
    }

    private async Task RunAsync()
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(stop).ConfigureAwait(false);
                await DrainAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A disk error: keep the lines, pause, try again.
                RecordFault(e);
                try
                {
                    await Task.Delay(_options.RetryInitialDelay, _time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                Wake();
            }
        }
    }

    private async Task DrainAsync(CancellationToken stop)
    {
        int attempt = 0;
        while (true)
        {
            stop.ThrowIfCancellationRequested();
            var batch = _buffer.Peek(_batchLimit, _options.MaxBatchBytes);
            if (batch is null)
            {
                CompleteFlushWaiters();
                return;
            }

            var outcome = await _sender.SendAsync(batch, stop).ConfigureAwait(false);
            if (outcome.Kind is WriteOutcomeKind.ServerUnavailable or WriteOutcomeKind.RequestRefused)
            {
                attempt++;
                _telemetry.AddRetry();
                var delay = RetryDelay.Compute(attempt, _options, Random.Shared.NextDouble(), outcome.RetryAfter);
                var wait = Task.Delay(delay, _time, stop);
                _report(new InfluxWriteErrorEventArgs
                {
                    Kind = outcome.Kind == WriteOutcomeKind.ServerUnavailable ? InfluxWriteErrorKind.ServerUnavailable : InfluxWriteErrorKind.RequestRefused,
                    StatusCode = outcome.StatusCode,
                    Message = outcome.Message ?? "(no message)",
                    BatchPoints = batch.Count,
                    Attempt = attempt,
                    RetryDelay = delay,
                    Exception = outcome.Exception,
                });
                await wait.ConfigureAwait(false);
                continue;
            }

            attempt = 0;
            if (outcome.Kind == WriteOutcomeKind.Rejected && batch.Count > 1)
            {
                // Nothing was stored and the server names at most the first bad line: halve until it is alone.
                _batchLimit = Math.Max(1, batch.Count / 2);
                continue;
            }

            _buffer.Remove(batch);
            Settle(batch, outcome);
            CompleteFlushWaiters();
        }
    }

    private void Settle(BufferedBatch batch, WriteOutcome outcome)
    {
        if (outcome.Kind == WriteOutcomeKind.Delivered)
        {
            _telemetry.AddWritten(batch.Count);
            _batchLimit = Math.Min(_options.MaxBatchPoints, _batchLimit * 2);
            return;
        }

        var (lines, count) = outcome.Kind == WriteOutcomeKind.Rejected
            ? ([System.Text.Encoding.UTF8.GetString(batch.Lines[0])], 1)
            : PartialWriteMessage.RejectedLines(outcome.Message ?? "", batch);
        count = Math.Min(count, batch.Count);
        _telemetry.AddWritten(batch.Count - count);
        _telemetry.AddDropped(count, "rejected");
        _report(new InfluxWriteErrorEventArgs
        {
            Kind = InfluxWriteErrorKind.PointsRejected,
            StatusCode = outcome.StatusCode,
            Message = outcome.Message ?? "(no message)",
            RejectedLines = lines,
            DroppedPoints = count,
            BatchPoints = batch.Count,
        });
    }

    private void CompleteFlushWaiters()
    {
        lock (_waitersGate)
        {
            for (int i = _flushWaiters.Count - 1; i >= 0; i--)
            {
                var (upToId, done) = _flushWaiters[i];
                if (!_buffer.HoldsAnyUpTo(upToId))
                {
                    done.TrySetResult();
                    _flushWaiters.RemoveAt(i);
                }
            }
        }
    }
}
