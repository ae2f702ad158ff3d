namespace GreenCompute.Silo.Gateway;

/// <summary>
/// Counts the fleet's steps for long-polling web hosts: a waiter returns as soon as the count passes what it saw, or
/// after the hold time with the same count (the client then asks again).
/// </summary>
internal sealed class GatewayTicks(TimeProvider time)
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Publish()
    {
        Interlocked.Increment(ref _count);
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>The step count once it is above <paramref name="after"/>, or the current count after <paramref name="hold"/>.</summary>
    public async Task<long> WaitAfterAsync(long after, TimeSpan hold, CancellationToken cancellationToken)
    {
        // Take the pending task before reading the count: a step in between then completes it, never lost.
        var next = Volatile.Read(ref _next).Task;
        if (Count > after)
        {
            return Count;
        }

        try
        {
            await next.WaitAsync(hold, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Nothing moved within the hold: answer with the same count.
        }

        return Count;
    }
}
