using GreenCompute.SchedulingBench.Setup;

namespace GreenCompute.SchedulingBench.Simulation;

/// <summary>
/// The jobs of one run and where their tasks are: not yet submitted, waiting (ordered by the policy's
/// <see cref="QueueOrder"/>), running on a node, or finished. Bookkeeping only; <see cref="FleetControl"/> moves
/// tasks on the simulated fleet and tells the book.
/// </summary>
internal sealed class TaskBook
{
    private readonly IReadOnlyList<JobArrival> _arrivals;
    private readonly SortedSet<BenchTask> _waiting;
    private readonly List<BenchTask>[] _running;
    private readonly Dictionary<string, BenchTask> _byId = new(StringComparer.Ordinal);
    private readonly List<BenchJob> _jobs = [];
    private int _cursor;
    private long _sequence;

    public TaskBook(IReadOnlyList<JobArrival> arrivals, int nodes, QueueOrder order)
    {
        _arrivals = arrivals;
        _waiting = new SortedSet<BenchTask>(TaskComparers.For(order));
        _running = [.. Enumerable.Range(0, nodes).Select(_ => new List<BenchTask>())];
    }

    /// <summary>Jobs submitted so far.</summary>
    public IReadOnlyList<BenchJob> Jobs => _jobs;

    /// <summary>Waiting tasks in queue order.</summary>
    public IReadOnlyCollection<BenchTask> Waiting => _waiting;

    public int WaitingCount => _waiting.Count;

    /// <summary>Arrivals not yet submitted, in submit order (perfect foresight, for the oracle only).</summary>
    public IEnumerable<JobArrival> Upcoming => _arrivals.Skip(_cursor);

    public IReadOnlyList<BenchTask> RunningOn(int node) => _running[node];

    public int RunningCount(int node) => _running[node].Count;

    public BenchTask? Find(string taskId) => _byId.GetValueOrDefault(taskId);

    /// <summary>Submits every job due by <paramref name="now"/>; returns how many were submitted.</summary>
    public int Release(DateTimeOffset now)
    {
        var released = 0;
        while (_cursor < _arrivals.Count && _arrivals[_cursor].SubmitAt <= now)
        {
            var job = new BenchJob(_arrivals[_cursor++]);
            _jobs.Add(job);
            for (var i = 0; i < job.Arrival.TaskCount; i++)
            {
                var task = new BenchTask($"{job.Arrival.JobId}/{i}", job, _sequence++);
                _byId.Add(task.Id, task);
                _waiting.Add(task);
            }

            released++;
        }

        return released;
    }

    public void MarkRunning(BenchTask task, int node)
    {
        if (!_waiting.Remove(task))
        {
            throw new InvalidOperationException($"Task {task.Id} is not waiting.");
        }

        task.Node = node;
        _running[node].Add(task);
    }

    /// <summary>Back to the queue with <paramref name="done"/> more core-seconds kept.</summary>
    public void MarkPaused(BenchTask task, double done)
    {
        RemoveRunning(task);
        task.Done = Math.Min(task.Work, task.Done + done);
        _waiting.Add(task);
    }

    public void MarkFinished(BenchTask task, DateTimeOffset at)
    {
        RemoveRunning(task);
        task.Done = task.Work;
        task.Finished = true;
        var job = task.Job;
        job.TasksFinished++;
        if (job.TasksFinished == job.Arrival.TaskCount)
        {
            job.FinishedAt = at;
        }
    }

    private void RemoveRunning(BenchTask task)
    {
        if (task.Node < 0 || !_running[task.Node].Remove(task))
        {
            throw new InvalidOperationException($"Task {task.Id} is not running.");
        }

        task.Node = -1;
    }
}
