using System.Collections.Immutable;
using GreenCompute.Core.Units;
using GreenCompute.Core.Work;
using GreenCompute.Core.Work.Assignment;

namespace GreenCompute.Grains.Scheduling;

/// <summary>
/// The scheduler's jobs in memory, indexed by task id, with their persistence as <see cref="JobRecord"/>s:
/// a record is replayed through the tasks' own transitions, so a restored job obeys the same rules.
/// </summary>
internal sealed class JobBook(JobValidator validator)
{
    private const string RestoredNode = "(restored)";

    private readonly Dictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkTask> _tasks = new(StringComparer.Ordinal);

    public IEnumerable<Job> Jobs => _jobs.Values;

    public int Count => _jobs.Count;

    public bool Contains(string jobId) => _jobs.ContainsKey(jobId);

    public Job? Find(string jobId) => _jobs.GetValueOrDefault(jobId);

    public WorkTask? FindTask(string taskId) => _tasks.GetValueOrDefault(taskId);

    public void Add(Job job)
    {
        _jobs.Add(job.Id, job);
        foreach (var task in job.Tasks)
        {
            _tasks.Add(task.Id, task);
        }
    }

    public ImmutableArray<QueuedTask> Queue()
    {
        var queue = ImmutableArray.CreateBuilder<QueuedTask>();
        foreach (var job in _jobs.Values)
        {
            if (job.State is JobState.Completed or JobState.Failed)
            {
                continue;
            }

            foreach (var task in job.Tasks)
            {
                if (task.IsRunnable)
                {
                    queue.Add(new QueuedTask(task.Id, job.Id, task.Work - task.Checkpoint, job.Spec.Deadline, job.Spec.MaxPrice, job.SubmittedAt, task.LastFailedNodeId));
                }
            }
        }

        return queue.ToImmutable();
    }

    public ImmutableArray<RunningTask> RunningOn(string nodeId, DateTimeOffset now) =>
        [.. _tasks.Values
            .Where(t => t.State == WorkTaskState.Running && t.NodeId == nodeId)
            .Select(t => (Task: t, Job: JobOf(t)))
            .Select(x => new RunningTask(
                x.Task.Id,
                x.Task.JobId,
                x.Task.Work - x.Task.Progress,
                x.Task.Progress - x.Task.Checkpoint,
                x.Task.TimeToNextCheckpoint(now),
                x.Job.Spec.Deadline,
                x.Job.Spec.MaxPrice,
                x.Job.SubmittedAt,
                x.Task.CancelRequested))];

    public Job JobOf(WorkTask task) => _jobs[task.JobId];

    public IEnumerable<JobRecord> Records() => _jobs.Values.Select(job => new JobRecord(
        job.Id,
        job.Spec,
        job.SubmittedAt,
        [.. job.Tasks.Select(t => new TaskRecord(t.State, t.Progress.Value, t.Checkpoint.Value, t.NodeId, t.LastFailedNodeId, [.. t.Failures], job.FinishedAt))],
        job.CancelledAt));

    /// <summary>Rebuilds a job from its record by replaying its tasks' transitions.</summary>
    public void Restore(JobRecord record)
    {
        var validation = validator.Validate(record.Spec, record.SubmittedAt);
        if (validation.Spec is null)
        {
            throw new InvalidOperationException($"Stored job {record.JobId} no longer validates: {string.Join("; ", validation.Problems)}");
        }

        var job = Job.Create(record.JobId, validation.Spec, record.SubmittedAt);
        var at = record.SubmittedAt;
        for (var i = 0; i < record.Tasks.Length && i < job.Tasks.Count; i++)
        {
            Replay(job.Tasks[i], record.Tasks[i], at);
        }

        if (record.CancelledAt is { } cancelled)
        {
            // Tasks that were running when the job was cancelled come back running and are asked to stop again.
            job.Cancel(cancelled);
        }

        Add(job);
    }

    private static void Replay(WorkTask task, TaskRecord r, DateTimeOffset at)
    {
        foreach (var failure in r.Failures.IsDefault ? [] : r.Failures)
        {
            var failedOn = r.LastFailedNodeId ?? RestoredNode;
            task.Start(failedOn, at);
            task.ReportFailed(failedOn, failure, at);
        }

        if (r.State is WorkTaskState.Queued or WorkTaskState.Failed or WorkTaskState.Cancelled)
        {
            return;
        }

        // A completed or paused task no longer names a node; replay it through a stand-in so its transitions still apply.
        var node = r.NodeId ?? RestoredNode;
        Require(task.Start(node, at), task, r);
        if (r.Checkpoint > 0)
        {
            Require(task.ReportCheckpoint(node, new CoreSeconds(r.Checkpoint), at), task, r);
        }

        var replayed = r.State switch
        {
            WorkTaskState.Running when r.Progress > r.Checkpoint => task.ReportProgress(node, new CoreSeconds(r.Progress), at),
            WorkTaskState.Paused => task.ReportPaused(node, new CoreSeconds(r.Checkpoint), at),
            WorkTaskState.Completed => task.ReportCompleted(node, r.FinishedAt ?? at),
            _ => TransitionResult.Ok,
        };
        Require(replayed, task, r);
    }

    private static void Require(TransitionResult result, WorkTask task, TaskRecord record)
    {
        if (!result.Applied)
        {
            throw new InvalidOperationException($"Stored task {task.Id} ({record.State}) cannot be restored: {result.Rejection}");
        }
    }
}
