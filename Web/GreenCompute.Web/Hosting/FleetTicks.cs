namespace GreenCompute.Web.Hosting;

/// <summary>
/// Tells live views that the fleet moved on: each simulation step completes the current task and arms a new one,
/// so a server-sent-events loop awaits <see cref="Next"/> instead of polling on a timer.
/// </summary>
internal sealed class FleetTicks
{
    private TaskCompletionSource<long> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Completes at the next step with the step count.</summary>
    public Task<long> Next => Volatile.Read(ref _next).Task;

    public void Publish()
    {
        var count = Interlocked.Increment(ref _count);
        var previous = Interlocked.Exchange(ref _next, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult(count);
    }
}
