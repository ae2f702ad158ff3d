using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace GreenCompute.Actors.Runtime;

/// <summary>
/// The activations of one host, keyed by grain id, and what they share: storage, clock, factory, error sink.
/// Routes every call to its activation (creating it on first call), sweeps timed-out calls and collects idle
/// activations when the host's timers say so.
/// </summary>
internal sealed class ActivationCatalog(
    IGrainStorage storage,
    TimeProvider timeProvider,
    GrainHostOptions options,
    IGrainFactory factory,
    Action<GrainHostError>? onError)
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private readonly long _callTimeoutTicks = options.CallTimeout == Timeout.InfiniteTimeSpan
        ? long.MaxValue
        : (long)(options.CallTimeout.TotalSeconds * timeProvider.TimestampFrequency);

    private int _count;
    private int _outstandingCalls;
    private volatile CatalogMode _mode;

    public IGrainStorage Storage => storage;

    public TimeProvider TimeProvider => timeProvider;

    public IGrainFactory Factory => factory;

    public int Count => Volatile.Read(ref _count);

    public bool IsEmpty => _activations.IsEmpty;

    public CatalogMode Mode
    {
        get => _mode;
        set => _mode = value;
    }

    /// <summary>A call through a grain reference: make the request, give it a deadline, route it, return the caller's Task.</summary>
    public Task Invoke(GrainRegistration registration, string key, MethodInfo method, object?[]? arguments)
    {
        var request = registration.GetMethod(method).CreateRequest(this, arguments);
        Interlocked.Increment(ref _outstandingCalls);
        if (_callTimeoutTicks != long.MaxValue)
        {
            request.Deadline = timeProvider.GetTimestamp() + _callTimeoutTicks;
        }

        Route(registration, key, request);
        return request.CallerTask;
    }

    /// <summary>Queues <paramref name="request"/> on the grain's activation, creating it when there is none.</summary>
    public void Route(GrainRegistration registration, string key, Request request)
    {
        var id = new GrainId(registration, key);
        while (true)
        {
            if (!_activations.TryGetValue(id, out var activation))
            {
                if (_mode != CatalogMode.Running)
                {
                    request.Fail(new InvalidOperationException(_mode == CatalogMode.NotStarted
                        ? $"Grain {id} cannot be activated: the GrainHost has not been started (call StartAsync)."
                        : $"Grain {id} cannot be activated: the GrainHost is stopping."));
                    return;
                }

                var created = new GrainActivation(this, registration, key);
                activation = _activations.GetOrAdd(id, created);
                if (ReferenceEquals(activation, created))
                {
                    Interlocked.Increment(ref _count);
                    if (_mode != CatalogMode.Running)
                    {
                        // StopAsync began after the check above and may not see this activation: end it at once
                        // (before it activates), which fails the request through the stopping host.
                        created.RequestDeactivation(DeactivationReason.ShuttingDown, CancellationToken.None);
                    }
                }
            }

            if (activation.TryEnqueue(request))
            {
                return;
            }

            // That activation has just ended; make sure it is out of the way and try again.
            Remove(activation);
        }
    }

    public void Remove(GrainActivation activation)
    {
        if (_activations.TryRemove(KeyValuePair.Create(activation.Id, activation)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    public void CallEnded() => Interlocked.Decrement(ref _outstandingCalls);

    public Task WhenDeactivated(GrainId id) =>
        _activations.TryGetValue(id, out var activation) ? activation.WhenDeactivated() : Task.CompletedTask;

    /// <summary>Fails every call past its deadline with <see cref="GrainCallTimeoutException"/>.</summary>
    public void SweepTimeouts()
    {
        if (Volatile.Read(ref _outstandingCalls) == 0)
        {
            return;
        }

        var now = timeProvider.GetTimestamp();
        var expired = new List<(GrainActivation Activation, CallRequest Call)>();
        foreach (var pair in _activations)
        {
            pair.Value.CollectExpired(now, expired);
        }

        if (expired.Count > 0)
        {
            // Not on the timer's thread: with a manual clock that is the thread calling Advance, and the callers'
            // continuations must not run inside it.
            ThreadPool.UnsafeQueueUserWorkItem(
                static state =>
                {
                    var (calls, timeout) = state;
                    foreach (var (activation, call) in calls)
                    {
                        call.Fail(new GrainCallTimeoutException(activation.ToString(), call.Method.Name, timeout));
                    }
                },
                (expired, options.CallTimeout),
                preferLocal: false);
        }
    }

    /// <summary>Starts deactivating every activation not called for <see cref="GrainHostOptions.CollectionAge"/>.</summary>
    public void CollectIdle()
    {
        var now = timeProvider.GetTimestamp();
        foreach (var pair in _activations)
        {
            pair.Value.CollectIfIdle(now, options.CollectionAge);
        }
    }

    /// <summary>Deactivates every activation (saving state) and waits until none is left.</summary>
    public async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        while (!_activations.IsEmpty)
        {
            var deactivations = new List<Task>();
            foreach (var pair in _activations)
            {
                pair.Value.RequestDeactivation(DeactivationReason.ShuttingDown, cancellationToken);
                deactivations.Add(pair.Value.WhenDeactivated());
            }

            await Task.WhenAll(deactivations).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reports an error that has no caller to reach; the callback must not throw.</summary>
    public void ReportError(GrainActivation activation, string operation, Exception exception)
    {
        var error = new GrainHostError(activation.ToString(), operation, exception);
        if (onError is null)
        {
            Trace.TraceError("Grain {0}: {1} failed: {2}", error.Grain, error.Operation, error.Exception);
        }
        else
        {
            onError(error);
        }
    }
}
