namespace GreenCompute.Web.Hosting;

/// <summary>
/// A counter that live views await instead of polling: each <see cref="Publish"/> completes the current task and arms
/// a new one. A burst of publishes between two reads costs the reader one render (it compares <see cref="Count"/>).
/// </summary>
internal sealed class TickSignal
{
    private TaskCompletionSource<long> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Completes at the next publish with the new count.</summary>
    public Task<long> Next => Volatile.Read(ref _next).Task;

    public void Publish()
    {
        var count = Interlocked.Increment(ref _count);
        var previous = Interlocked.Exchange(ref _next, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult(count);
    }
}
