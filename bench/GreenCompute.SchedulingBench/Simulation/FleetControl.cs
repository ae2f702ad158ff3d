using GreenCompute.Core.Units;
using GreenCompute.Simulation.Devices;
using GreenCompute.Simulation.Fleet;

namespace GreenCompute.SchedulingBench.Simulation;

/// <summary>
/// The commands a policy gives, applied to the simulated fleet and recorded in the <see cref="TaskBook"/>: power cap
/// and heat-only load per node, start a task on a node, pause a task (checkpointed: its progress is kept and it goes
/// back to the queue). A command the fleet refuses is a bug in the policy and throws.
/// </summary>
internal sealed class FleetControl
{
    private readonly SimulatedFleet _fleet;
    private readonly IReadOnlyList<FleetNode> _nodes;
    private readonly Watts[] _cap;
    private readonly bool[] _heat;

    public FleetControl(SimulatedFleet fleet, TaskBook book)
    {
        _fleet = fleet;
        _nodes = fleet.Nodes;
        Book = book;
        _cap = [.. _nodes.Select(n => n.Heater.MaxPower)];
        _heat = new bool[_nodes.Count];
    }

    public TaskBook Book { get; }

    public Watts Cap(int node) => _cap[node];

    public bool HeatWanted(int node) => _heat[node];

    public void SetPower(int node, Watts cap, bool heatWanted)
    {
        if (_cap[node] == cap && _heat[node] == heatWanted)
        {
            return;
        }

        Check(_fleet.SetPowerCap(_nodes[node].NodeId, cap, heatWanted), "set the power cap");
        _cap[node] = cap;
        _heat[node] = heatWanted;
    }

    public void Start(BenchTask task, int node)
    {
        Check(_fleet.StartTask(_nodes[node].NodeId, task.Id, new CoreSeconds(task.Remaining), deadline: task.Deadline), $"start {task.Id}");
        Book.MarkRunning(task, node);
    }

    /// <summary>Pauses at a checkpoint taken now: the work done is kept and the task waits again.</summary>
    public void Pause(BenchTask task)
    {
        var nodeId = _nodes[task.Node].NodeId;
        var done = _fleet.Tasks(nodeId).FirstOrDefault(t => t.TaskId == task.Id)?.Done.Value ?? 0;
        Check(_fleet.CancelTask(nodeId, task.Id), $"pause {task.Id}");
        Book.MarkPaused(task, done);
    }

    public void PauseAll(int node)
    {
        var running = Book.RunningOn(node);
        if (running.Count == 0)
        {
            return;
        }

        var progress = _fleet.Tasks(_nodes[node].NodeId).ToDictionary(t => t.TaskId, t => t.Done.Value, StringComparer.Ordinal);
        foreach (var task in running.ToList())
        {
            Check(_fleet.CancelTask(_nodes[node].NodeId, task.Id), $"pause {task.Id}");
            Book.MarkPaused(task, progress.GetValueOrDefault(task.Id));
        }
    }

    /// <summary>Work left on each task running on <paramref name="node"/>, core-seconds.</summary>
    public IReadOnlyDictionary<string, double> Remaining(int node)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (Book.RunningCount(node) == 0)
        {
            return result;
        }

        foreach (var p in _fleet.Tasks(_nodes[node].NodeId))
        {
            if (Book.Find(p.TaskId) is { } task)
            {
                result[p.TaskId] = Math.Max(0, task.Remaining - p.Done.Value);
            }
        }

        return result;
    }

    public void Completed(IReadOnlyList<TaskCompletion> completions)
    {
        foreach (var done in completions)
        {
            if (Book.Find(done.TaskId) is { } task)
            {
                Book.MarkFinished(task, done.CompletedAt);
            }
        }
    }

    private static void Check(CommandOutcome outcome, string what)
    {
        if (outcome != CommandOutcome.Accepted)
        {
            throw new InvalidOperationException($"The simulated fleet refused to {what}: {outcome}.");
        }
    }
}
