using GreenCompute.Actors.Runtime;

namespace GreenCompute.Actors;

/// <summary>
/// Base class of grains. A grain handles one call at a time: a call, a timer tick, activation and deactivation
/// are turns, and the next one starts only when the previous one's Task has completed, awaits included. Grain
/// code therefore needs no locks, but it must stay on its turn: no <c>Task.Run</c>, no <c>Parallel.*</c>, no
/// <c>ConfigureAwait(false)</c>, no blocking on Tasks (<c>.Result</c>, <c>.Wait()</c>) — continuations run on the
/// activation's own scheduler. Calls are not reentrant: a call cycle (A calls B, B calls A while A's call is
/// still running) waits on itself and ends in <see cref="GrainCallTimeoutException"/>, as in Orleans without
/// <c>[Reentrant]</c>.
/// </summary>
public abstract class Grain
{
    private GrainActivation? _activation;

    /// <summary>The host's factory, for calling other grains.</summary>
    protected IGrainFactory GrainFactory => Activation.Catalog.Factory;

    /// <summary>The host's clock; never read <c>DateTime.UtcNow</c> in a grain.</summary>
    protected TimeProvider TimeProvider => Activation.Catalog.TimeProvider;

    internal GrainActivation Activation =>
        _activation ?? throw new InvalidOperationException(
            $"{GetType().Name} is not activated by a GrainHost yet: its key, clock, factory and state are available from OnActivateAsync on.");

    /// <summary>The grain's key.</summary>
    public string GetPrimaryKeyString() => Activation.Key;

    /// <summary>
    /// Called when the grain is activated, after its state (if any) is read. An exception discards the activation
    /// and fails the calls waiting for it with that exception; the next call tries a new activation.
    /// </summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called when the grain is deactivated, before a <see cref="Grain{TState}"/> saves its state; best effort.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Calls <paramref name="callback"/> as a turn of this grain after <paramref name="dueTime"/> and then every
    /// <paramref name="period"/> (<see cref="Timeout.InfiniteTimeSpan"/>: once) on the host's clock. A tick never
    /// overlaps a call or another tick; a tick that falls due while the previous one is still queued is merged
    /// into it. Ticks do not keep the grain alive (idle collection ends the grain and its timer; see the keepAlive
    /// overload). An exception is reported to the host and the timer goes on.
    /// The timer stops when disposed or when the grain deactivates; the token is cancelled then.
    /// </summary>
    protected IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        RegisterGrainTimer(callback, dueTime, period, keepAlive: false);

    /// <summary>
    /// As <see cref="RegisterGrainTimer(Func{CancellationToken, Task}, TimeSpan, TimeSpan)"/>; with
    /// <paramref name="keepAlive"/> each tick counts as a call for idle collection (Orleans' <c>KeepAlive</c>), so a
    /// grain whose work is driven by its timer alone is not collected while the timer runs.
    /// </summary>
    protected IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period, bool keepAlive)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Activation.RegisterTimer(callback, dueTime, period, keepAlive);
    }

    /// <summary>Deactivates this grain once the current turn completes; the next call activates it again.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation(DeactivationReason.ApplicationRequested, CancellationToken.None);

    internal void Attach(GrainActivation activation) => _activation = activation;

    internal virtual Task ReadStateOnActivateAsync() => Task.CompletedTask;

    internal virtual Task WriteStateOnDeactivateAsync() => Task.CompletedTask;
}
