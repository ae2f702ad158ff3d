using System.Globalization;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Work;

/// <summary>
/// One single-core task of a <see cref="Job"/>: its state, progress and last checkpoint (in core-seconds),
/// attempt count, the node it runs on, and a plain-words reason for where it is. Events from devices go through
/// the <c>Report…</c> methods, which reject (never throw on) stale, duplicate or wrong-node events.
/// </summary>
public sealed class WorkTask
{
    public const int DefaultMaxAttempts = 3;

    private readonly List<string> _failures = [];

    internal WorkTask(Job job, int index, DateTimeOffset now)
    {
        Job = job;
        Index = index;
        Id = string.Create(CultureInfo.InvariantCulture, $"{job.Id}/{index}");
        StateChangedAt = now;
        Reason = new Reason(ReasonCode.WorkQueued, "queued: waiting for its first placement");
    }

    public string Id { get; }

    public string JobId => Job.Id;

    public int Index { get; }

    public CoreSeconds Work => Job.Spec.CpuSecondsPerTask;

    public WorkTaskState State { get; private set; }

    /// <summary>Work done so far, including work since the last checkpoint that a failure would lose.</summary>
    public CoreSeconds Progress { get; private set; }

    /// <summary>Work saved by the last checkpoint: where a retry or resume starts from.</summary>
    public CoreSeconds Checkpoint { get; private set; }

    /// <summary>The attempt in progress or next to start, 1-based: failures so far + 1.</summary>
    public int Attempt => _failures.Count + 1;

    public int MaxAttempts => Job.MaxAttempts;

    /// <summary>The node running the task, while it runs.</summary>
    public string? NodeId { get; private set; }

    /// <summary>The node of the last failure: a retry prefers another one.</summary>
    public string? LastFailedNodeId { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    public Reason Reason { get; private set; }

    public DateTimeOffset StateChangedAt { get; private set; }

    /// <summary>When the task last checkpointed, or started when it has not checkpointed since.</summary>
    public DateTimeOffset? LastCheckpointAt { get; private set; }

    public bool IsRunnable => State is WorkTaskState.Queued or WorkTaskState.Paused;

    /// <summary>The task still runs on a node although its job has failed: the node must cancel it.</summary>
    public bool CancelRequested => State == WorkTaskState.Running && Job.State == JobState.Failed;

    public double CheckpointFraction => Work.Value > 0 ? Checkpoint / Work : 0;

    internal Job Job { get; }

    /// <summary>Wall time until the running task's next checkpoint (zero when due or not running).</summary>
    public TimeSpan TimeToNextCheckpoint(DateTimeOffset now)
    {
        if (State != WorkTaskState.Running || LastCheckpointAt is not { } last)
        {
            return TimeSpan.Zero;
        }

        var left = last + Job.Spec.CheckpointInterval - now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    public TransitionResult Start(string nodeId, DateTimeOffset now, Reason? why = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        if (!IsRunnable || Job.State is JobState.Failed or JobState.Completed)
        {
            return TransitionResult.Rejected($"task {Id} is {State}, it cannot start");
        }

        NodeId = nodeId;
        LastCheckpointAt = now;
        var text = Attempt > 1
            ? Invariant($"retry {Attempt}/{MaxAttempts} from checkpoint at {CheckpointFraction:0 %} on node {nodeId}")
            : Checkpoint.Value > 0
                ? Invariant($"resumed on node {nodeId} from checkpoint at {CheckpointFraction:0 %}")
                : $"running on node {nodeId}";
        MoveTo(WorkTaskState.Running, now, why ?? new Reason(ReasonCode.Computing, text));
        return TransitionResult.Ok;
    }

    public TransitionResult ReportProgress(string nodeId, CoreSeconds done, DateTimeOffset now)
    {
        if (CheckRunningOn(nodeId) is { } rejected)
        {
            return rejected;
        }

        if (!double.IsFinite(done.Value) || done < Progress)
        {
            return TransitionResult.Rejected(Invariant($"task {Id}: progress {done} is stale or invalid (have {Progress})"));
        }

        Progress = CoreSeconds.Min(done, Work);
        return TransitionResult.Ok;
    }

    public TransitionResult ReportCheckpoint(string nodeId, CoreSeconds at, DateTimeOffset now)
    {
        if (CheckRunningOn(nodeId) is { } rejected)
        {
            return rejected;
        }

        if (!double.IsFinite(at.Value) || at < Checkpoint)
        {
            return TransitionResult.Rejected(Invariant($"task {Id}: checkpoint {at} is stale or invalid (have {Checkpoint})"));
        }

        Checkpoint = CoreSeconds.Min(at, Work);
        Progress = CoreSeconds.Max(Progress, Checkpoint);
        LastCheckpointAt = now;
        return TransitionResult.Ok;
    }

    /// <summary>The node paused the task at a checkpoint (only ever after one): nothing is lost.</summary>
    public TransitionResult ReportPaused(string nodeId, CoreSeconds checkpoint, DateTimeOffset now)
    {
        var saved = ReportCheckpoint(nodeId, checkpoint, now);
        if (!saved.Applied)
        {
            return saved;
        }

        Progress = Checkpoint;
        NodeId = null;
        MoveTo(WorkTaskState.Paused, now, new Reason(
            ReasonCode.WorkQueued, Invariant($"paused at checkpoint {CheckpointFraction:0 %} on node {nodeId}: waiting for capacity")));
        return TransitionResult.Ok;
    }

    public TransitionResult ReportCompleted(string nodeId, DateTimeOffset now)
    {
        if (CheckRunningOn(nodeId) is { } rejected)
        {
            return rejected;
        }

        Progress = Work;
        Checkpoint = Work;
        NodeId = null;
        MoveTo(WorkTaskState.Completed, now, new Reason(
            ReasonCode.WorkCompleted, Invariant($"completed on node {nodeId} at {now:yyyy-MM-dd HH:mm}")));
        return TransitionResult.Ok;
    }

    /// <summary>
    /// The attempt on <paramref name="nodeId"/> failed (crash, or the node went offline): work since the last
    /// checkpoint is lost; the task is queued again from the checkpoint, or fails when attempts are exhausted.
    /// </summary>
    public TransitionResult ReportFailed(string nodeId, string why, DateTimeOffset now)
    {
        if (CheckRunningOn(nodeId) is { } rejected)
        {
            return rejected;
        }

        _failures.Add($"node {nodeId}: {why}");
        LastFailedNodeId = nodeId;
        Progress = Checkpoint;
        NodeId = null;
        if (_failures.Count >= MaxAttempts)
        {
            MoveTo(WorkTaskState.Failed, now, new Reason(
                ReasonCode.WorkFailed, $"failed {_failures.Count} times, no retry left: {string.Join("; ", _failures)}"));
        }
        else
        {
            MoveTo(WorkTaskState.Queued, now, new Reason(
                ReasonCode.RetryFromCheckpoint,
                Invariant($"retry {Attempt}/{MaxAttempts} from checkpoint at {CheckpointFraction:0 %}: node {nodeId}: {why}")));
        }

        return TransitionResult.Ok;
    }

    /// <summary>The node stopped the task after a cancel command.</summary>
    public TransitionResult ReportCancelled(string nodeId, DateTimeOffset now)
    {
        if (CheckRunningOn(nodeId) is { } rejected)
        {
            return rejected;
        }

        NodeId = null;
        MoveTo(WorkTaskState.Cancelled, now, new Reason(ReasonCode.WorkCancelled, $"cancelled on node {nodeId}: {Job.Reason.Text}"));
        return TransitionResult.Ok;
    }

    /// <summary>Records why the task is where it is (from an assignment round); ignored once the task has ended.</summary>
    public void Explain(Reason reason)
    {
        if (State is WorkTaskState.Queued or WorkTaskState.Paused or WorkTaskState.Running)
        {
            Reason = reason;
        }
    }

    internal void CancelIfIdle(string why, DateTimeOffset now)
    {
        if (IsRunnable)
        {
            MoveTo(WorkTaskState.Cancelled, now, new Reason(ReasonCode.WorkCancelled, why));
        }
    }

    private TransitionResult? CheckRunningOn(string nodeId)
    {
        if (State != WorkTaskState.Running)
        {
            return TransitionResult.Rejected($"task {Id} is {State}, not running");
        }

        return NodeId == nodeId ? null : TransitionResult.Rejected($"task {Id} runs on node {NodeId}, not {nodeId}");
    }

    private void MoveTo(WorkTaskState state, DateTimeOffset now, Reason reason)
    {
        var from = State;
        State = state;
        Reason = reason;
        StateChangedAt = now;
        Job.OnTaskChanged(this, from, now);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
