namespace GreenCompute.Silo.Mqtt;

/// <summary>
/// Counts messages the ingest has finished with (applied or rejected) and lets a caller await a count, so a test or the
/// deterministic simulation knows when everything it published has been applied, without sleeping.
/// </summary>
internal sealed class IngestProgress
{
    private readonly Lock _lock = new();
    private readonly List<(long Target, TaskCompletionSource Done)> _waiters = [];
    private long _processed;

    public long Processed
    {
        get
        {
            lock (_lock)
            {
                return _processed;
            }
        }
    }

    public void Increment()
    {
        List<TaskCompletionSource> due = [];
        lock (_lock)
        {
            _processed++;
            _waiters.RemoveAll(w =>
            {
                if (w.Target > _processed)
                {
                    return false;
                }

                due.Add(w.Done);
                return true;
            });
        }

        // Completed outside the lock: continuations run asynchronously anyway.
        due.ForEach(d => d.TrySetResult());
    }

    /// <summary>Completes once <paramref name="target"/> messages in total have been processed.</summary>
    public Task WhenProcessed(long target)
    {
        lock (_lock)
        {
            if (_processed >= target)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((target, done));
            return done.Task;
        }
    }
}
