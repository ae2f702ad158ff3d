namespace GreenCompute.Actors.Runtime;

/// <summary>
/// Something an activation runs as a turn: a call, a timer tick, its own activation or deactivation.
/// The activation runs one request at a time: <see cref="Start"/> on its scheduler, then <see cref="Complete"/>
/// once the returned Task has completed.
/// </summary>
internal abstract class Request
{
    /// <summary>Host-clock timestamp after which the caller gets a timeout; <see cref="long.MaxValue"/>: never.</summary>
    public long Deadline { get; set; } = long.MaxValue;

    /// <summary>Whether finishing this request counts as activity for idle collection (calls do, timer ticks don't).</summary>
    public virtual bool KeepsAlive => false;

    /// <summary>True when nobody waits for this request any more (timed out, timer disposed): it is skipped.</summary>
    public abstract bool IsCompleted { get; }

    public abstract Task Start(GrainActivation activation);

    public abstract void Complete(GrainActivation activation, Task task);

    /// <summary>Answers the caller with <paramref name="exception"/> without running the request.</summary>
    public abstract void Fail(Exception exception);

    /// <summary>The exception a completed, unsuccessful task throws when awaited (its first one, unwrapped).</summary>
    public static Exception ExceptionOf(Task task)
    {
        try
        {
            task.GetAwaiter().GetResult();
            return new InvalidOperationException("The task completed successfully.");
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
