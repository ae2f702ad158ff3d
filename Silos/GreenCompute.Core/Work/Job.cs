using System.Globalization;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;
using GreenCompute.Core.Work.Assignment;

namespace GreenCompute.Core.Work;

/// <summary>
/// A customer's job: a bag of <see cref="WorkTask"/>s made from a validated spec (there is no other way to make
/// one). It is Queued until a task starts, Running until every task completes, and Failed as soon as one task
/// exhausts its attempts; <see cref="Reason"/> always says why, in words the customer can read.
/// </summary>
public sealed class Job
{
    private readonly WorkTask[] _tasks;
    private int _completed;
    private int _running;

    private Job(string id, ValidatedJobSpec spec, DateTimeOffset submittedAt, int maxAttempts)
    {
        Id = id;
        Spec = spec.Spec;
        SubmittedAt = submittedAt;
        MaxAttempts = maxAttempts;
        _tasks = new WorkTask[Spec.TaskCount];
        for (var i = 0; i < _tasks.Length; i++)
        {
            _tasks[i] = new WorkTask(this, i, submittedAt);
        }

        Reason = new Reason(ReasonCode.WorkQueued, Invariant($"queued: {_tasks.Length} tasks waiting for their first placement"));
    }

    public string Id { get; }

    public JobSpec Spec { get; }

    public DateTimeOffset SubmittedAt { get; }

    public int MaxAttempts { get; }

    public JobState State { get; private set; }

    public Reason Reason { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>When the customer cancelled the job (it is then Failed with a WorkCancelled reason), or null.</summary>
    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>The last completion estimate from an assignment round.</summary>
    public JobEstimate? Estimate { get; private set; }

    public IReadOnlyList<WorkTask> Tasks => _tasks;

    public int CompletedTasks => _completed;

    public int RunningTasks => _running;

    public CoreSeconds Progress => new(_tasks.Sum(t => t.Progress.Value));

    /// <summary>Makes the job and its tasks; task ids are "{id}/{index}", so the id must be unique.</summary>
    public static Job Create(string id, ValidatedJobSpec spec, DateTimeOffset submittedAt, int maxAttempts = WorkTask.DefaultMaxAttempts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        return new Job(id, spec, submittedAt, maxAttempts);
    }

    public WorkTask? FindTask(int index) => index >= 0 && index < _tasks.Length ? _tasks[index] : null;

    /// <summary>
    /// The customer cancels: the job ends (Failed, reason WorkCancelled), idle tasks are cancelled now and running ones
    /// are asked to stop (<see cref="WorkTask.CancelRequested"/>) at the scheduler's next round. A finished job cannot be.
    /// </summary>
    public TransitionResult Cancel(DateTimeOffset now)
    {
        if (State is JobState.Completed or JobState.Failed)
        {
            return TransitionResult.Rejected(Invariant($"job {Id} has already ended ({State.ToString().ToLowerInvariant()})"));
        }

        State = JobState.Failed;
        FinishedAt = now;
        CancelledAt = now;
        Reason = new Reason(ReasonCode.WorkCancelled, Invariant($"cancelled by the customer at {now:yyyy-MM-dd HH:mm}: {_completed}/{_tasks.Length} tasks had completed"));
        foreach (var task in _tasks)
        {
            task.CancelIfIdle("cancelled: the customer cancelled the job", now);
        }

        return TransitionResult.Ok;
    }

    /// <summary>Takes the completion estimate of the latest assignment round into the job's reason.</summary>
    public void ApplyEstimate(JobEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        if (State is JobState.Completed or JobState.Failed)
        {
            return;
        }

        Estimate = estimate;
        Reason = ProgressReason();
    }

    internal void OnTaskChanged(WorkTask task, WorkTaskState from, DateTimeOffset now)
    {
        _running += (task.State == WorkTaskState.Running ? 1 : 0) - (from == WorkTaskState.Running ? 1 : 0);
        _completed += (task.State == WorkTaskState.Completed ? 1 : 0) - (from == WorkTaskState.Completed ? 1 : 0);
        if (State is JobState.Completed or JobState.Failed)
        {
            return;
        }

        if (task.State == WorkTaskState.Failed)
        {
            Fail(task, now);
            return;
        }

        if (_completed == _tasks.Length)
        {
            State = JobState.Completed;
            FinishedAt = now;
            Reason = new Reason(ReasonCode.WorkCompleted, Invariant(
                $"completed at {now:yyyy-MM-dd HH:mm}: {_tasks.Length} tasks, {_tasks.Length * Spec.CpuSecondsPerTask.CoreHours:0.##} core-h"));
            return;
        }

        if (_running > 0 || _completed > 0)
        {
            State = JobState.Running;
        }

        Reason = ProgressReason();
    }

    private void Fail(WorkTask task, DateTimeOffset now)
    {
        State = JobState.Failed;
        FinishedAt = now;
        Reason = new Reason(ReasonCode.WorkFailed, $"failed: task {task.Id} {task.Reason.Text}");
        foreach (var other in _tasks)
        {
            other.CancelIfIdle($"cancelled: job failed because task {task.Id} failed", now);
        }
    }

    private Reason ProgressReason()
    {
        var progress = State == JobState.Queued
            ? Invariant($"queued: {_tasks.Length} tasks")
            : Invariant($"running: {_completed}/{_tasks.Length} tasks done, {_running} running");
        if (Estimate is null)
        {
            return new Reason(State == JobState.Queued ? ReasonCode.WorkQueued : ReasonCode.Computing, progress);
        }

        var code = Estimate.DeadlineAtRisk
            ? ReasonCode.DeadlineAtRisk
            : State == JobState.Queued ? ReasonCode.WorkQueued : ReasonCode.Computing;
        return new Reason(code, $"{progress}; {Estimate.Reason.Text}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
