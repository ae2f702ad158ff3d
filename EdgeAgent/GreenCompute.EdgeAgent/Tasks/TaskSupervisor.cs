using GreenCompute.EdgeAgent.Content;
using GreenCompute.EdgeAgent.Power;
using GreenCompute.EdgeAgent.Receipts;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;

namespace GreenCompute.EdgeAgent.Tasks;

/// <summary>
/// Runs tasks as child processes, one working folder each under <c>tasksRoot</c>: start, pause at the next checkpoint
/// (the process checkpoints and exits), resume (a new process continues from the checkpoint), cancel (killed). Reports
/// started (a progress event with detail "started"), progress (at most every <see cref="ProgressEvery"/>), checkpointed,
/// paused, completed with the output's SHA-256 (uploaded to the content store when there is one, and signed as a receipt),
/// failed and cancelled. The task table survives restarts: a task that was running or waiting for a core is resumed
/// from its checkpoint. How many run at once is the queue's (TaskSupervisor.Queue.cs): at most the cores the power cap pays for.
/// </summary>
internal sealed partial class TaskSupervisor(
    TaskTable table,
    TaskEvents events,
    IReadOnlyList<ITaskLauncher> launchers,
    IPowerLimiter limiter,
    string tasksRoot,
    TimeProvider time,
    IContentClient? content = null,
    ReceiptPublisher? receipts = null)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RunningTask> _running = new(StringComparer.Ordinal);

    public TimeSpan ProgressEvery { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Raised when a task's process has exited and its final event is in the outbox.</summary>
    public event Action<string, TaskEventKind>? Settled;

    public IReadOnlyList<string> RunningTaskIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _running.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>The running tasks' process ids.</summary>
    public IReadOnlyList<int> ProcessIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _running.Values.Select(t => t.Process.Id)];
            }
        }
    }

    /// <summary>Cores kept busy by running tasks.</summary>
    public int BusyCores
    {
        get
        {
            lock (_lock)
            {
                return _running.Values.Sum(t => t.Plan.Cores);
            }
        }
    }

    /// <summary>
    /// Resumes the tasks that were running or waiting when the agent stopped, as far as the core limit allows (their
    /// deadlines are not stored: they queue in their stored order).
    /// </summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        foreach (var row in table.InState(TaskTable.Running))
        {
            Enqueue(row.Plan, row.DoneCoreSeconds, resumed: true, deadline: null);
        }

        await PumpAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="StartOrResumeAsync(IReadOnlyList{TaskStart}, CancellationToken)"/>
    public Task StartOrResumeAsync(TaskStart start, CancellationToken cancellationToken) => StartOrResumeAsync([start], cancellationToken);

    /// <summary>
    /// A command's start entries: new tasks, or the resume of paused ones; a task already running or waiting is left
    /// alone. All of them join the queue before any starts, so the earliest deadline among them gets a free core first.
    /// </summary>
    public async Task StartOrResumeAsync(IReadOnlyList<TaskStart> starts, CancellationToken cancellationToken)
    {
        foreach (var start in starts)
        {
            lock (_lock)
            {
                if (_running.ContainsKey(start.TaskId))
                {
                    continue;
                }
            }

            if (IsWaiting(start.TaskId))
            {
                continue;
            }

            if (table.Find(start.TaskId) is { } known)
            {
                if (known.State == TaskTable.Paused)
                {
                    table.SetState(start.TaskId, TaskTable.Running, known.DoneCoreSeconds);
                    Enqueue(known.Plan, known.DoneCoreSeconds, resumed: true, start.Deadline);
                }

                // Completed, failed or cancelled tasks are final here; a retry comes as a new task id.
                continue;
            }

            var (workload, input) = SplitInput(start.Workload);
            var plan = new TaskPlan(start.TaskId, start.JobId, workload, (start.Checkpoint + start.RemainingWork).Value, Math.Max(1, start.Cores),
                start.CheckpointInterval, Path.Combine(tasksRoot, FolderName(start.TaskId)), input);
            Directory.CreateDirectory(plan.Folder);
            table.Upsert(plan, TaskTable.Running, 0);
            Enqueue(plan, 0, resumed: false, start.Deadline);
        }

        await PumpAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task PauseAtCheckpointAsync(string taskId)
    {
        RunningTask? task;
        lock (_lock)
        {
            _running.TryGetValue(taskId, out task);
        }

        if (task is not null)
        {
            task.PauseRequested = true;
            await task.Process.RequestPauseAsync().ConfigureAwait(false);
        }
        else if (TakeWaiting(taskId) is { } waiting)
        {
            table.SetState(taskId, TaskTable.Paused, waiting.Done);
            events.Emit(taskId, TaskEventKind.Paused, waiting.Done, "paused while queued");
            Settled?.Invoke(taskId, TaskEventKind.Paused);
        }
    }

    public void Cancel(string taskId)
    {
        RunningTask? task;
        lock (_lock)
        {
            _running.TryGetValue(taskId, out task);
        }

        if (task is not null)
        {
            task.CancelRequested = true;
            task.Process.Kill();
            return;
        }

        if (TakeWaiting(taskId) is { } waiting)
        {
            table.SetState(taskId, TaskTable.Cancelled, waiting.Done);
            events.Emit(taskId, TaskEventKind.Cancelled, waiting.Done, "cancelled while queued");
            Settled?.Invoke(taskId, TaskEventKind.Cancelled);
        }
        else if (table.Find(taskId) is { State: TaskTable.Paused } paused)
        {
            table.SetState(taskId, TaskTable.Cancelled, paused.DoneCoreSeconds);
            events.Emit(taskId, TaskEventKind.Cancelled, paused.DoneCoreSeconds, "cancelled while paused");
            Settled?.Invoke(taskId, TaskEventKind.Cancelled);
        }
    }

    /// <summary>Kills every running task (agent shutdown); their rows, and the waiting tasks', stay "running" so the next start resumes them.</summary>
    public void StopAll()
    {
        List<RunningTask> all;
        lock (_lock)
        {
            all = [.. _running.Values];
            _waiting.Clear();
        }

        foreach (var task in all)
        {
            task.Stopping = true;
            task.Process.Kill();
        }
    }

    private async Task LaunchAsync(WaitingTask waiting, CancellationToken cancellationToken)
    {
        var (plan, doneSoFar, resumed) = (waiting.Plan, waiting.Done, waiting.Resumed);
        if (plan.InputHash is { } hash && !File.Exists(Path.Combine(plan.Folder, "input")))
        {
            if (content is null)
            {
                Fail(plan, doneSoFar, $"input {hash} needs the content store, and none is configured (--content URL)");
                return;
            }

            try
            {
                await content.DownloadAsync(hash, Path.Combine(plan.Folder, "input"), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is HttpRequestException or InvalidDataException or IOException)
            {
                Fail(plan, doneSoFar, $"input {hash} could not be fetched: {error.Message}");
                return;
            }
        }

        var launcher = launchers.FirstOrDefault(l => l.Handles(plan.Workload));
        var decision = launcher?.Prepare(plan) ?? LaunchDecision.Refuse($"unknown workload '{plan.Workload}'");
        if (decision.Start is null)
        {
            Fail(plan, doneSoFar, decision.Refusal ?? "refused");
            return;
        }

        var task = new RunningTask(plan, doneSoFar) { Deadline = waiting.Deadline, Order = waiting.Order };
        task.Process = TaskProcess.Start(decision.Start, line => OnLineAsync(task, line));
        lock (_lock)
        {
            _running[plan.TaskId] = task;
        }

        limiter.Add(task.Process.Id);
        table.SetState(plan.TaskId, TaskTable.Running, doneSoFar);
        events.Emit(plan.TaskId, TaskEventKind.Progress, doneSoFar, resumed ? "resumed" : "started");
        _ = WatchAsync(task);
    }

    /// <summary>"NAME@SHA256" names an input in the content store.</summary>
    internal static (string Workload, string? Input) SplitInput(string workload)
    {
        var at = workload.LastIndexOf('@');
        return at > 0 && ContentHash.IsValid(workload[(at + 1)..]) ? (workload[..at], workload[(at + 1)..].ToLowerInvariant()) : (workload, null);
    }

    /// <summary>A task id as a safe folder name: its SHA-256 prefix after the readable part.</summary>
    private static string FolderName(string taskId)
    {
        var safe = new string([.. taskId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').Take(40)]);
        return $"{safe}-{ReceiptPublisher.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(taskId))[..12]}";
    }
}
