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
        [.. job.Tasks.Select(t => new TaskRecord(t.State, t.Progress.Value, t.Checkpoint.Value, t.NodeId, t.LastFailedNodeId, [.. t.Failures], job.FinishedAt))]));

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

        Add(job);
    }

    private static void Replay(WorkTask task, TaskRecord r, DateTimeOffset at)
    {
        foreach (var failure in r.Failures.IsDefault ? [] : r.Failures)
        {
            var node = r.LastFailedNodeId ?? "unknown";
            task.Start(node, at);
            task.ReportFailed(node, failure, at);
        }

        if (r.State is WorkTaskState.Queued or WorkTaskState.Failed or WorkTaskState.Cancelled || r.NodeId is null)
        {
            return;
        }

        task.Start(r.NodeId, at);
        if (r.Checkpoint > 0)
        {
            task.ReportCheckpoint(r.NodeId, new CoreSeconds(r.Checkpoint), at);
        }

        switch (r.State)
        {
            case WorkTaskState.Running when r.Progress > r.Checkpoint:
                task.ReportProgress(r.NodeId, new CoreSeconds(r.Progress), at);
                break;
            case WorkTaskState.Paused:
                task.ReportPaused(r.NodeId, new CoreSeconds(r.Checkpoint), at);
                break;
            case WorkTaskState.Completed:
                task.ReportCompleted(r.NodeId, r.FinishedAt ?? at);
                break;
        }
    }
}
