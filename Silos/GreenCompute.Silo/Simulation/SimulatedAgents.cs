using System.Collections.Immutable;
using GreenCompute.Core.Model;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Simulation.Devices;
using GreenCompute.Simulation.Fleet;
using GridTelemetry = GreenCompute.Grains.Nodes.NodeTelemetry;

namespace GreenCompute.Silo.Simulation;

/// <summary>
/// What the EdgeAgents on the simulated heaters would do: apply commands, checkpoint running tasks every
/// checkpoint interval, pause a task at its next checkpoint when told, and report telemetry and task events.
/// </summary>
internal sealed class SimulatedAgents(SimulatedFleet fleet)
{
    private readonly Dictionary<string, AgentTask> _tasks = new(StringComparer.Ordinal);
    private readonly List<TaskEvent> _events = [];
    private readonly Dictionary<string, (NodeCommand Command, GuardMode Mode)> _guard = new(StringComparer.Ordinal);

    public int RejectedCommands { get; private set; }

    public void Apply(NodeCommand command)
    {
        var id = command.NodeId;
        foreach (var taskId in command.Cancel)
        {
            if (Count(fleet.CancelTask(id, taskId)))
            {
                _tasks.Remove(taskId);
                _events.Add(new TaskEvent(taskId, id, TaskEventKind.Cancelled, CoreSeconds.Zero, fleet.Now));
            }
        }

        foreach (var taskId in command.PauseAtCheckpoint)
        {
            if (_tasks.TryGetValue(taskId, out var task))
            {
                task.PauseRequested = true;
            }
        }

        var onNode = fleet.Tasks(id).ToDictionary(t => t.TaskId);
        foreach (var start in command.Start)
        {
            var resumed = onNode.TryGetValue(start.TaskId, out var present) && present.Paused;
            var outcome = resumed
                ? fleet.ResumeTask(id, start.TaskId)
                : fleet.StartTask(id, start.TaskId, start.RemainingWork, start.Cores);
            if (Count(outcome))
            {
                // The simulated task holds the work left from the checkpoint; absolute progress adds the checkpoint back.
                var checkpoint = resumed ? _tasks.GetValueOrDefault(start.TaskId)?.StartCheckpoint ?? start.Checkpoint : start.Checkpoint;
                _tasks[start.TaskId] = new AgentTask(id, start.CheckpointInterval, fleet.Now, checkpoint);
            }
        }

        // Heat-only load fills spare cores up to the cap whenever the room wants heat; the guard may override it.
        var mode = _guard.TryGetValue(id, out var previous) ? previous.Mode : GuardMode.FollowPlan;
        _guard[id] = (command, mode);
        ApplyGuard(id);
    }

    /// <summary>Each agent's comfort guard looks at its sensor between plans (called after every fleet step).</summary>
    public void GuardAll()
    {
        foreach (var id in _guard.Keys)
        {
            ApplyGuard(id);
        }
    }

    private void ApplyGuard(string nodeId)
    {
        var (command, mode) = _guard[nodeId];
        var heatWanted = command.Mode is HeaterMode.Computing or HeaterMode.HeatOnly;
        var decision = command.Band is { } band
            ? ComfortGuard.Default.Decide(mode, fleet.RoomTemperature(nodeId), band, command.PowerCap, heatWanted, Heater(nodeId))
            : new GuardDecision(GuardMode.FollowPlan, command.PowerCap, heatWanted, null);
        _guard[nodeId] = (command, decision.Mode);
        Count(fleet.SetPowerCap(nodeId, decision.PowerCap, decision.HeatWanted));
    }

    /// <summary>Whether the room is below its band's maximum (heat delivered now is heat it wants).</summary>
    public bool RoomWantsHeat(string nodeId) =>
        !_guard.TryGetValue(nodeId, out var state) || state.Command.Band is not { } band || fleet.RoomTemperature(nodeId) < band.Max;

    private HeaterSpec Heater(string nodeId) => fleet.Nodes.First(n => n.NodeId == nodeId).Heater;

    /// <summary>After a fleet step: completions, checkpoints and pauses become task events.</summary>
    public ImmutableArray<TaskEvent> CollectEvents(IReadOnlyList<TaskCompletion> completions)
    {
        foreach (var done in completions)
        {
            var checkpoint = _tasks.Remove(done.TaskId, out var finished) ? finished.StartCheckpoint : CoreSeconds.Zero;
            _events.Add(new TaskEvent(done.TaskId, done.NodeId, TaskEventKind.Completed, checkpoint + done.Work, done.CompletedAt));
        }

        var now = fleet.Now;
        foreach (var (taskId, task) in _tasks)
        {
            if (task.Paused || now - task.LastCheckpoint < task.Interval)
            {
                continue;
            }

            var progress = fleet.Tasks(task.NodeId).FirstOrDefault(t => t.TaskId == taskId);
            if (progress is null)
            {
                continue;
            }

            var done = task.StartCheckpoint + progress.Done;
            task.LastCheckpoint = now;
            _events.Add(new TaskEvent(taskId, task.NodeId, TaskEventKind.Checkpointed, done, now));
            if (task.PauseRequested && Count(fleet.PauseTask(task.NodeId, taskId)))
            {
                task.Paused = true;
                task.PauseRequested = false;
                _events.Add(new TaskEvent(taskId, task.NodeId, TaskEventKind.Paused, done, now));
            }
        }

        var events = _events.ToImmutableArray();
        _events.Clear();
        return events;
    }

    public static GridTelemetry ToTelemetry(GreenCompute.Simulation.Fleet.NodeTelemetry t) => new(
        t.NodeId, t.Time, t.Sequence, t.RoomTemperature, t.Power, t.EnergyCounter, t.CpuUtilisation, [.. t.RunningTaskIds]);

    private bool Count(CommandOutcome outcome)
    {
        if (outcome == CommandOutcome.Accepted)
        {
            return true;
        }

        RejectedCommands++;
        return false;
    }

    private sealed class AgentTask(string nodeId, TimeSpan interval, DateTimeOffset started, CoreSeconds startCheckpoint)
    {
        public string NodeId { get; } = nodeId;
        public TimeSpan Interval { get; } = interval <= TimeSpan.Zero ? TimeSpan.FromMinutes(10) : interval;
        public DateTimeOffset LastCheckpoint { get; set; } = started;
        public CoreSeconds StartCheckpoint { get; } = startCheckpoint;
        public bool PauseRequested { get; set; }
        public bool Paused { get; set; }
    }
}
