namespace GreenCompute.Actors.Runtime;

/// <summary>Activation, deactivation and timers of an activation; each step runs as a turn on its scheduler.</summary>
internal sealed partial class GrainActivation
{
    private Grain? _grain;
    private List<GrainTimer>? _timers;

    /// <summary>The grain instance; set by the activation turn, before any call runs.</summary>
    public Grain Grain => _grain ?? throw new InvalidOperationException($"Grain {this} is not activated.");

    public async Task ActivateAsync()
    {
        var grain = Registration.Factory()
            ?? throw new InvalidOperationException($"The factory of {Registration.GrainClass.Name} returned null.");
        grain.Attach(this);
        _grain = grain;
        await grain.ReadStateOnActivateAsync();
        await grain.OnActivateAsync(CancellationToken.None);
    }

    public void OnActivated(Task activation)
    {
        if (activation.IsCompletedSuccessfully)
        {
            var now = Catalog.TimeProvider.GetTimestamp();
            lock (_requests)
            {
                _state = ActivationState.Valid;
                _lastActive = now;
            }

            return;
        }

        // As in Orleans, a failed activation is discarded and the calls waiting for it fail with its exception.
        DisposeTimers();
        Invalidate(Request.ExceptionOf(activation));
    }

    public async Task DeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        DisposeTimers();
        if (_grain is null)
        {
            return;
        }

        try
        {
            await _grain.OnDeactivateAsync(reason, cancellationToken);
        }
        catch (Exception exception)
        {
            Catalog.ReportError(this, nameof(Grain.OnDeactivateAsync), exception);
        }

        try
        {
            await _grain.WriteStateOnDeactivateAsync();
        }
        catch (Exception exception)
        {
            Catalog.ReportError(this, "WriteStateOnDeactivate", exception);
        }
    }

    public void OnDeactivated() => Invalidate(failure: null);

    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period, bool keepAlive)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "The due time must be zero or more, or Timeout.InfiniteTimeSpan.");
        }

        if (period < TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be zero or more (zero: once), or Timeout.InfiniteTimeSpan (once).");
        }

        var timer = new GrainTimer(this, callback, keepAlive);
        lock (_requests)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                throw new InvalidOperationException($"Grain {this} is deactivating: it cannot register a timer.");
            }

            (_timers ??= []).Add(timer);
        }

        timer.Arm(Catalog.TimeProvider, dueTime, period);
        return timer;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_requests)
        {
            _timers?.Remove(timer);
        }
    }

    private void DisposeTimers()
    {
        GrainTimer[] timers;
        lock (_requests)
        {
            timers = _timers is null ? [] : [.. _timers];
            _timers = null;
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    /// <summary>
    /// Ends the activation: leaves the catalog (so the next call creates a new activation), then forwards the
    /// requests queued meanwhile to it — or, after a failed activation, fails them with <paramref name="failure"/>.
    /// </summary>
    private void Invalidate(Exception? failure)
    {
        Catalog.Remove(this);
        Request[] pending;
        TaskCompletionSource? deactivated;
        lock (_requests)
        {
            _state = ActivationState.Invalid;
            pending = [.. _requests];
            _requests.Clear();
            deactivated = _deactivated;
        }

        foreach (var request in pending)
        {
            if (request.IsCompleted)
            {
                continue;
            }

            if (failure is null)
            {
                Catalog.Route(Registration, Key, request);
            }
            else
            {
                request.Fail(failure);
            }
        }

        deactivated?.TrySetResult();
    }
}
