using System.Threading.Channels;

namespace GreenCompute.Influx.Writing;

/// <summary>
/// Group commit into the <see cref="WriteBuffer"/>: concurrent writes queue up while one transaction (one fsync) is
/// being committed and go into the next one together. A write completes once its lines are committed.
/// </summary>
internal sealed class AcceptQueue
{
    private const int MaxWritesPerCommit = 512;

    private readonly WriteBuffer _buffer;
    private readonly Action<long> _committed;
    private readonly Channel<PendingWrite> _pending = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private long _pendingPoints;

    /// <param name="buffer">Where the lines are committed.</param>
    /// <param name="committed">Called after each commit with the number of points it stored.</param>
    public AcceptQueue(WriteBuffer buffer, Action<long> committed)
    {
        _buffer = buffer;
        _committed = committed;
        _loop = Task.Run(CommitLoopAsync);
    }

    /// <summary>Points queued but not yet committed.</summary>
    public long PendingPoints => Interlocked.Read(ref _pendingPoints);

    /// <exception cref="ObjectDisposedException">The queue was completed.</exception>
    public Task EnqueueAsync(BufferedLine[] lines)
    {
        var write = new PendingWrite(lines);
        Interlocked.Add(ref _pendingPoints, lines.Length);
        if (!_pending.Writer.TryWrite(write))
        {
            Interlocked.Add(ref _pendingPoints, -lines.Length);
            throw new ObjectDisposedException(nameof(InfluxWriter));
        }

        return write.Completion.Task;
    }

    /// <summary>Completes once every write queued before this call is committed (or failed).</summary>
    public Task BarrierAsync() => EnqueueAsync([]);

    /// <summary>Refuses further writes and waits for the queued ones to be committed.</summary>
    public Task CompleteAsync()
    {
        _pending.Writer.TryComplete();
        return _loop;
    }

    private async Task CommitLoopAsync()
    {
        var writes = new List<PendingWrite>();
        var lines = new List<BufferedLine>();
        while (await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            writes.Clear();
            lines.Clear();
            while (writes.Count < MaxWritesPerCommit && _pending.Reader.TryRead(out var write))
            {
                writes.Add(write);
                lines.AddRange(write.Lines);
            }

            try
            {
                if (lines.Count > 0)
                {
                    _buffer.Append(lines);
                }
            }
            catch (Exception e)
            {
                // Disk full, I/O error: these writes were not accepted; their callers get the exception.
                Interlocked.Add(ref _pendingPoints, -lines.Count);
                writes.ForEach(failed => failed.Completion.TrySetException(e));
                continue;
            }

            Interlocked.Add(ref _pendingPoints, -lines.Count);
            if (lines.Count > 0)
            {
                _committed(lines.Count);
            }

            writes.ForEach(done => done.Completion.TrySetResult());
        }
    }

    private sealed class PendingWrite(BufferedLine[] lines)
    {
        public BufferedLine[] Lines { get; } = lines;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
