using System.Collections.Immutable;
using System.Globalization;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Work.Assignment;

namespace GreenCompute.Core.Work;

/// <summary>
/// The jobs a scheduler knows, as a pure state holder: submission (validated, so an invalid job queues nothing),
/// the queued and running tasks as assigner inputs, node loss, and applying an assignment round's decisions.
/// Device events go to the task itself (<see cref="FindTask"/>, then its <c>Report…</c> methods).
/// </summary>
public sealed class WorkQueue(JobValidator validator, int maxAttempts = WorkTask.DefaultMaxAttempts)
{
    private readonly Dictionary<string, Job> _jobs = new(StringComparer.Ordinal);

    public IReadOnlyCollection<Job> Jobs => _jobs.Values;

    public JobSubmission Submit(string jobId, JobSpec spec, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        if (_jobs.ContainsKey(jobId))
        {
            return new JobSubmission(null, [new JobProblem("Id", $"a job with id {jobId} exists already")]);
        }

        var validation = validator.Validate(spec, now);
        if (validation.Spec is not { } valid)
        {
            return new JobSubmission(null, validation.Problems);
        }

        var job = Job.Create(jobId, valid, now, maxAttempts);
        _jobs.Add(jobId, job);
        return new JobSubmission(job, []);
    }

    public Job? FindJob(string jobId) => _jobs.GetValueOrDefault(jobId);

    /// <summary>The task with id "{jobId}/{index}", or null.</summary>
    public WorkTask? FindTask(string taskId)
    {
        var slash = taskId.LastIndexOf('/');
        return slash > 0
            && int.TryParse(taskId.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && FindJob(taskId[..slash]) is { } job
            ? job.FindTask(index)
            : null;
    }

    /// <summary>Runnable tasks (queued, paused, or back from a failure), from their last checkpoint.</summary>
    public ImmutableArray<QueuedTask> Queued()
    {
        var queued = ImmutableArray.CreateBuilder<QueuedTask>();
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
                    queued.Add(new QueuedTask(
                        task.Id, job.Id, task.Work - task.Checkpoint, job.Spec.Deadline, job.Spec.MaxPrice, job.SubmittedAt, task.LastFailedNodeId));
                }
            }
        }

        return queued.ToImmutable();
    }

    /// <summary>Running tasks by node id, as the assigner sees them (including ones to cancel).</summary>
    public ILookup<string, RunningTask> RunningByNode(DateTimeOffset now) =>
        _jobs.Values
            .Where(job => job.State != JobState.Completed && job.RunningTasks > 0)
            .SelectMany(job => job.Tasks)
            .Where(task => task.State == WorkTaskState.Running)
            .ToLookup(task => task.NodeId!, task => new RunningTask(
                task.Id,
                task.JobId,
                task.Work - task.Progress,
                task.Progress - task.Checkpoint,
                task.TimeToNextCheckpoint(now),
                task.Job.Spec.Deadline,
                task.Job.Spec.MaxPrice,
                task.Job.SubmittedAt,
                task.CancelRequested), StringComparer.Ordinal);

    /// <summary>
    /// A node failed or went offline: each task it ran goes back to the queue from its last checkpoint (work since
    /// then is lost) with one attempt used, or fails when it has none left. Returns the ids of those tasks.
    /// </summary>
    public ImmutableArray<string> NodeLost(string nodeId, string why, DateTimeOffset now)
    {
        var lost = ImmutableArray.CreateBuilder<string>();
        foreach (var job in _jobs.Values.Where(j => j.RunningTasks > 0).ToList())
        {
            foreach (var task in job.Tasks)
            {
                if (task.State == WorkTaskState.Running && task.NodeId == nodeId && task.ReportFailed(nodeId, why, now).Applied)
                {
                    lost.Add(task.Id);
                }
            }
        }

        return lost.ToImmutable();
    }

    /// <summary>Records a round's decisions: tasks started, tasks lost with their node, reasons and estimates.</summary>
    public void Apply(AssignmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var decision in result.Tasks)
        {
            if (FindTask(decision.TaskId) is not { } task)
            {
                continue;
            }

            switch (decision.Action)
            {
                // Plain "running" keeps the task's own words (e.g. "retry 2/3 from checkpoint at 40 % on node B").
                case TaskAction.Start when decision.NodeId is { } node:
                    task.Start(node, result.Now, decision.Reason.Code == ReasonCode.Computing ? null : decision.Reason);
                    break;
                case TaskAction.Lost when decision.NodeId is { } node:
                    task.ReportFailed(node, "node went offline", result.Now);
                    break;
                case TaskAction.Keep when decision.Reason.Code == ReasonCode.Computing:
                    break;
                case TaskAction.Keep or TaskAction.PauseAfterCheckpoint or TaskAction.Wait:
                    task.Explain(decision.Reason);
                    break;
                default:
                    break;
            }
        }

        foreach (var estimate in result.Jobs)
        {
            FindJob(estimate.JobId)?.ApplyEstimate(estimate);
        }
    }
}
