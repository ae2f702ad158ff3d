namespace GreenCompute.Actors.Runtime;

/// <summary>
/// A grain timer. Each tick on the host's clock queues the timer itself as a request in the grain's mailbox, so
/// the callback runs as a turn and never overlaps a call; a tick that falls due while the previous one is still
/// queued is merged into it, and at most one tick waits behind a running one.
/// </summary>
internal sealed class GrainTimer(GrainActivation activation, Func<CancellationToken, Task> callback, bool keepAlive) : Request, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private ITimer? _timer;
    private int _queued;
    private int _disposed;

    public override bool IsCompleted => Volatile.Read(ref _disposed) == 1;

    public override bool KeepsAlive => keepAlive;

    public void Arm(TimeProvider timeProvider, TimeSpan dueTime, TimeSpan period) =>
        _timer = timeProvider.CreateTimer(static state => ((GrainTimer)state!).OnTick(), this, dueTime, period);

    public override Task Start(GrainActivation activation)
    {
        // From here on a new tick may queue again; it runs after this one.
        Volatile.Write(ref _queued, 0);
        return callback(_cancellation.Token);
    }

    public override void Complete(GrainActivation activation, Task task)
    {
        if (!task.IsCompletedSuccessfully && !IsCompleted)
        {
            activation.Catalog.ReportError(activation, "Timer", ExceptionOf(task));
        }
    }

    public override void Fail(Exception exception)
    {
        // A tick has no caller to tell.
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _timer?.Dispose();
        _cancellation.Cancel();
        _cancellation.Dispose();
        activation.RemoveTimer(this);
    }

    private void OnTick()
    {
        if (IsCompleted || Interlocked.Exchange(ref _queued, 1) == 1)
        {
            return;
        }

        if (!activation.TryEnqueue(this))
        {
            Dispose();
        }
    }
}
