namespace GreenCompute.Actors.Runtime;

/// <summary>What the host's periodic sweeps ask of an activation: is it idle, which calls are overdue.</summary>
internal sealed partial class GrainActivation
{
    /// <summary>
    /// Starts idle collection if no call is running or waiting and the last one finished at least
    /// <paramref name="age"/> before <paramref name="now"/>. A running timer tick (without keepAlive) is not a
    /// call: deactivation then follows that tick.
    /// </summary>
    public void CollectIfIdle(long now, TimeSpan age)
    {
        bool schedule;
        lock (_requests)
        {
            if (_state != ActivationState.Valid || _deactivation is not null || _current is { KeepsAlive: true }
                || catalog.TimeProvider.GetElapsedTime(_lastActive, now) < age || _requests.Any(r => r.KeepsAlive))
            {
                return;
            }

            _deactivation = new DeactivationRequest(DeactivationReason.IdleCollection, CancellationToken.None);
            schedule = !_scheduled && _current is null;
            _scheduled |= schedule;
        }

        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    /// <summary>Adds the calls (running or queued) whose deadline has passed to <paramref name="expired"/>.</summary>
    public void CollectExpired(long now, List<(GrainActivation Activation, CallRequest Call)> expired)
    {
        // Unlocked first look: an activation with nothing to do is the common case, and a request queued
        // right now is looked at on the next sweep.
        if (Volatile.Read(ref _current) is null && _requests.Count == 0)
        {
            return;
        }

        lock (_requests)
        {
            if (_current is CallRequest running && running.Deadline <= now && !running.IsCompleted)
            {
                expired.Add((this, running));
            }

            foreach (var request in _requests)
            {
                if (request is CallRequest call && call.Deadline <= now && !call.IsCompleted)
                {
                    expired.Add((this, call));
                }
            }
        }
    }

    /// <summary>Completes when this activation is gone (deactivated or failed to activate).</summary>
    public Task WhenDeactivated()
    {
        lock (_requests)
        {
            return _state == ActivationState.Invalid
                ? Task.CompletedTask
                : (_deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }
}
