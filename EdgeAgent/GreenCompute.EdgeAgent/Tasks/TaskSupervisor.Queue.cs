using GreenCompute.Core.Work.Cores;
using GreenCompute.Grains.Scheduling;

namespace GreenCompute.EdgeAgent.Tasks;

/// <summary>
/// The admission side of <see cref="TaskSupervisor"/>: the agent runs at most the cores its power cap pays for, by the
/// rule the simulated heater follows (<see cref="CoreSlots"/>): a free core goes to the waiting task with the earliest
/// deadline (then the one given first), a running task keeps its core, and when the cap drops the running tasks with
/// the latest deadlines leave at their next checkpoint and wait again. A waiting task is reported once as a progress
/// event with detail "queued: …"; it starts (detail "started" or "resumed") when a core frees or the cap rises.
/// </summary>
internal sealed partial class TaskSupervisor
{
    private readonly List<WaitingTask> _waiting = [];
    private readonly SemaphoreSlim _pumping = new(1, 1);
    private int _coreLimit = int.MaxValue;
    private long _arrivals;

    /// <summary>Cores the power cap pays for (<see cref="CoreSlots.Allowed"/>); takes effect at the next <see cref="PumpAsync"/>.</summary>
    public int CoreLimit
    {
        get
        {
            lock (_lock)
            {
                return _coreLimit;
            }
        }

        set
        {
            lock (_lock)
            {
                _coreLimit = Math.Max(0, value);
            }
        }
    }

    /// <summary>Tasks accepted and waiting for a core, in arrival order.</summary>
    public IReadOnlyList<string> QueuedTaskIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _waiting.OrderBy(w => w.Order).Select(w => w.Plan.TaskId)];
            }
        }
    }

    /// <summary>
    /// Starts the waiting tasks the core limit has room for, asks running tasks beyond it to leave at their next
    /// checkpoint, and reports newly waiting tasks as queued. One pass at a time, so two passes never fill one core twice.
    /// </summary>
    public async Task PumpAsync(CancellationToken cancellationToken)
    {
        await _pumping.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<WaitingTask> start;
            List<RunningTask> leave;
            List<WaitingTask> report;
            int limit;
            lock (_lock)
            {
                limit = _coreLimit;
                var running = _running.Values.Where(t => !t.Leaving).ToList();
                // A task already leaving still holds its core until it has checkpointed and exited.
                var allowed = Math.Max(0, limit - _running.Values.Where(t => t.Leaving).Sum(t => t.Plan.Cores));
                var claims = running.Select(t => (t.Order, Claim: new CoreClaim(t.Plan.TaskId, t.Plan.Cores, t.Deadline)))
                    .Concat(_waiting.Select(w => (w.Order, Claim: new CoreClaim(w.Plan.TaskId, w.Plan.Cores, w.Deadline))))
                    .OrderBy(c => c.Order).Select(c => c.Claim).ToList();
                var chosen = CoreSlots.Assign(claims, [.. running.OrderBy(t => t.Order).Select(t => t.Plan.TaskId)], allowed)
                    .ToHashSet(StringComparer.Ordinal);
                leave = [.. running.Where(t => !chosen.Contains(t.Plan.TaskId))];
                leave.ForEach(t => t.Leaving = true);
                start = [.. _waiting.Where(w => chosen.Contains(w.Plan.TaskId)).OrderBy(w => w.Deadline).ThenBy(w => w.Order)];
                _waiting.RemoveAll(start.Contains);
                report = [.. _waiting.Where(w => !w.Reported)];
                report.ForEach(w => w.Reported = true);
            }

            foreach (var task in leave)
            {
                await task.Process.RequestPauseAsync().ConfigureAwait(false);
            }

            foreach (var waiting in report)
            {
                events.Emit(waiting.Plan.TaskId, TaskEventKind.Progress, waiting.Done, $"queued: the power cap pays for {limit} cores and they are taken");
            }

            foreach (var waiting in start)
            {
                await LaunchAsync(waiting, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _pumping.Release();
        }
    }

    /// <summary>A progress event with <paramref name="detail"/> for every running task (why they are held or go on).</summary>
    public void Announce(string detail)
    {
        List<RunningTask> running;
        lock (_lock)
        {
            running = [.. _running.Values.OrderBy(t => t.Order)];
        }

        foreach (var task in running)
        {
            events.Emit(task.Plan.TaskId, TaskEventKind.Progress, task.Done, detail);
        }
    }

    private void Enqueue(TaskPlan plan, double done, bool resumed, DateTimeOffset? deadline, long? order = null)
    {
        lock (_lock)
        {
            _waiting.Add(new WaitingTask(plan, done, resumed, deadline ?? DateTimeOffset.MaxValue, order ?? _arrivals++));
        }
    }

    private bool IsWaiting(string taskId)
    {
        lock (_lock)
        {
            return _waiting.Exists(w => w.Plan.TaskId == taskId);
        }
    }

    /// <summary>Takes a waiting task out of the queue (pause or cancel before it ever got a core); null when it was not waiting.</summary>
    private WaitingTask? TakeWaiting(string taskId)
    {
        lock (_lock)
        {
            var index = _waiting.FindIndex(w => w.Plan.TaskId == taskId);
            if (index < 0)
            {
                return null;
            }

            var waiting = _waiting[index];
            _waiting.RemoveAt(index);
            return waiting;
        }
    }

    /// <summary>A task accepted but not on a core: where it resumes from, its deadline and its place in arrival order.</summary>
    private sealed class WaitingTask(TaskPlan plan, double done, bool resumed, DateTimeOffset deadline, long order)
    {
        public TaskPlan Plan { get; } = plan;

        public double Done { get; } = done;

        public bool Resumed { get; } = resumed;

        public DateTimeOffset Deadline { get; } = deadline;

        public long Order { get; } = order;

        public bool Reported { get; set; }
    }
}
