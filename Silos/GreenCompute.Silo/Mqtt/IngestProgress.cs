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
        // Called for every message: allocates nothing unless a waiter is due.
        List<TaskCompletionSource>? due = null;
        lock (_lock)
        {
            _processed++;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Target <= _processed)
                {
                    (due ??= []).Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        // Completed outside the lock: continuations run asynchronously anyway.
        due?.ForEach(d => d.TrySetResult());
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
