namespace GreenCompute.Actors.Runtime;

/// <summary>
/// One activation of a grain: a mailbox (a queue and a flag — no thread, no timer of its own) and the
/// single-threaded scheduler its turns run on. The activation is its own <see cref="SynchronizationContext"/>:
/// every await in grain code resumes through <see cref="Post"/>, so continuations of one activation never run in
/// parallel. Requests (calls, timer ticks, activation, deactivation) start only when the previous request's Task
/// has completed: that is the non-reentrant, turn-based model of Orleans. When there is work the activation
/// queues itself on the ThreadPool (<see cref="IThreadPoolWorkItem"/>; on the current worker's local queue, so a
/// call made from a pool thread usually runs on that thread as soon as the caller awaits), runs up to
/// <see cref="MaxWorkItemsPerDispatch"/> items, and yields the thread.
/// </summary>
internal sealed partial class GrainActivation(ActivationCatalog catalog, GrainRegistration registration, string key)
    : SynchronizationContext, IThreadPoolWorkItem
{
    private const int MaxWorkItemsPerDispatch = 64;

    private static readonly SendOrPostCallback CompleteCurrentCallback = static state => ((GrainActivation)state!).CompleteCurrent();

    // Pending requests; also the lock for the fields below (except _currentTask and _onCurrentTaskCompleted,
    // which only the running work item touches).
    private readonly Queue<Request> _requests = new();
    private Queue<PostedWork>? _posted;
    private Request? _current;
    private Task? _currentTask;
    private Action? _onCurrentTaskCompleted;
    private bool _scheduled;
    private ActivationState _state;
    private DeactivationRequest? _deactivation;
    private long _lastActive;
    private TaskCompletionSource? _deactivated;

    public ActivationCatalog Catalog => catalog;

    public GrainRegistration Registration => registration;

    public string Key => key;

    public string GrainType => registration.GrainType;

    public GrainId Id => new(registration, key);

    public override string ToString() => $"{registration.GrainType}/{key}";

    /// <summary>Queues <paramref name="request"/>; false when the activation is gone (the caller routes again).</summary>
    public bool TryEnqueue(Request request)
    {
        bool schedule;
        lock (_requests)
        {
            if (_state == ActivationState.Invalid)
            {
                return false;
            }

            _requests.Enqueue(request);
            schedule = !_scheduled && _current is null;
            _scheduled |= schedule;
        }

        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }

        return true;
    }

    /// <summary>Deactivates once the current turn (if any) completes; requests queued meanwhile go to the next activation.</summary>
    public void RequestDeactivation(DeactivationReason reason, CancellationToken cancellationToken)
    {
        bool schedule;
        lock (_requests)
        {
            if (_deactivation is not null || _state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                return;
            }

            _deactivation = new DeactivationRequest(reason, cancellationToken);
            schedule = !_scheduled && _current is null;
            _scheduled |= schedule;
        }

        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        bool schedule;
        lock (_requests)
        {
            (_posted ??= new Queue<PostedWork>()).Enqueue(new PostedWork(d, state));
            schedule = !_scheduled;
            _scheduled = true;
        }

        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    public override SynchronizationContext CreateCopy() => this;

    void IThreadPoolWorkItem.Execute()
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            for (var i = 0; i < MaxWorkItemsPerDispatch; i++)
            {
                if (!RunNext())
                {
                    return;
                }
            }

            // Let other activations have the thread: to the global (FIFO) queue, not back on this thread's local
            // (LIFO) one. The flag stays set, so nobody else queues this one meanwhile.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    private bool RunNext()
    {
        PostedWork posted = default;
        Request? next = null;
        lock (_requests)
        {
            if (_posted is { Count: > 0 })
            {
                posted = _posted.Dequeue();
            }
            else if (_current is null && (next = TakeNextRequest()) is not null)
            {
                _current = next;
            }
            else
            {
                _scheduled = false;
                return false;
            }
        }

        if (next is null)
        {
            RunPosted(posted);
        }
        else
        {
            StartCurrent(next);
        }

        return true;
    }

    // Under the lock, with no request running.
    private Request? TakeNextRequest()
    {
        switch (_state)
        {
            case ActivationState.Created or ActivationState.Valid when _deactivation is not null:
                _state = ActivationState.Deactivating;
                return _deactivation;
            case ActivationState.Created when _requests.Count > 0:
                _state = ActivationState.Activating;
                return ActivationRequest.Instance;
            case ActivationState.Valid:
                while (_requests.TryDequeue(out var request))
                {
                    if (!request.IsCompleted)
                    {
                        return request;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private void StartCurrent(Request request)
    {
        Task task;
        try
        {
            task = request.Start(this);
        }
        catch (Exception exception)
        {
            task = Task.FromException(exception);
        }

        if (task.IsCompleted)
        {
            Finish(request, task);
            return;
        }

        _currentTask = task;
        task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onCurrentTaskCompleted ??= OnCurrentTaskCompleted);
    }

    private void OnCurrentTaskCompleted() => Post(CompleteCurrentCallback, this);

    private void CompleteCurrent()
    {
        var task = _currentTask!;
        _currentTask = null;
        Finish(_current!, task);
    }

    private void Finish(Request request, Task task)
    {
        // Read the clock before the caller learns the call is over: a caller that then advances a manual clock
        // must not make the call look more recent than it was.
        var now = request.KeepsAlive ? catalog.TimeProvider.GetTimestamp() : 0;

        // The caller's Task completes while this context is current, so the caller's continuation is queued
        // (to its own activation or the ThreadPool) instead of running inline on this turn.
        try
        {
            request.Complete(this, task);
        }
        catch (Exception exception)
        {
            catalog.ReportError(this, "Complete", exception);
        }

        lock (_requests)
        {
            _current = null;
            if (request.KeepsAlive)
            {
                _lastActive = now;
            }
        }
    }

    private void RunPosted(PostedWork work)
    {
        try
        {
            work.Callback(work.State);
        }
        catch (Exception exception)
        {
            // Only async void code in a grain gets here; awaits capture their exceptions in Tasks.
            catalog.ReportError(this, "Continuation", exception);
        }
    }
}
