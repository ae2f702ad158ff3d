using GreenCompute.Core.Model;
using GreenCompute.Core.Units;
using GreenCompute.Core.Work.Cores;

namespace GreenCompute.Simulation.Devices;

/// <summary>
/// A heater-computer: P = P_idle + (P_max − P_idle) × u, all of it heat. Tasks ask for cores; u is the share of
/// cores they keep busy, limited by the power cap (tasks then run proportionally slower). With heat wanted and
/// spare cap, filler load burns power up to the cap (heat-only mode). A cap below idle power switches it off.
/// <para>
/// Like the agent, it runs no more tasks at once than the cores its power cap pays for, by the rule of
/// <see cref="CoreSlots"/> (earliest deadline first, non-preemptive; the latest deadlines leave first when the cap
/// drops). The scheduler plans work core after core and may give a node more tasks than cores for one slot.
/// </para>
/// </summary>
/// <remarks>
/// A new heater is on at full cap with no heat wanted, so it idles until commanded. Offline freezes everything:
/// no power, no progress; tasks resume where they were when the node comes back.
/// </remarks>
internal sealed class SimulatedHeater(HeaterSpec spec)
{
    private readonly List<SimulatedTask> _tasks = [];
    private readonly List<SimulatedTask> _active = [];
    private double _energyWattSeconds;
    private double _work;

    public HeaterSpec Spec { get; } = spec;

    public Watts PowerCap { get; private set; } = spec.MaxPower;

    public bool HeatWanted { get; private set; }

    public bool IsOnline { get; private set; } = true;

    /// <summary>Monotonic electricity counter since the start.</summary>
    public WattHours EnergyCounter => new(_energyWattSeconds / 3600.0);

    /// <summary>Core-seconds delivered to tasks since the start (filler load excluded).</summary>
    public CoreSeconds WorkCounter => new(_work);

    /// <summary>Power drawn with the current tasks, cap and mode.</summary>
    public Watts Power => Evaluate().Power;

    /// <summary>Total CPU use 0..1, filler load included.</summary>
    public double Utilisation => Evaluate().Utilisation;

    /// <summary>CPU use by tasks only, 0..1.</summary>
    public double TaskUtilisation => Evaluate().TaskUtilisation;

    public HeaterState State
    {
        get
        {
            if (!IsOnline)
            {
                return HeaterState.Offline;
            }

            var now = Evaluate();
            if (now.Power.Value <= 0)
            {
                return HeaterState.Off;
            }

            if (now.TaskUtilisation > 0)
            {
                return HeaterState.Computing;
            }

            return HeatWanted && now.Utilisation > 0 ? HeaterState.HeatOnly : HeaterState.Idle;
        }
    }

    public IReadOnlyList<string> RunningTaskIds => [.. _tasks.Where(t => !t.Paused).Select(t => t.Id)];

    public IReadOnlyList<string> PausedTaskIds => [.. _tasks.Where(t => t.Paused).Select(t => t.Id)];

    public IReadOnlyList<TaskProgress> Tasks =>
        [.. _tasks.Select(t => new TaskProgress(t.Id, t.Cores, new CoreSeconds(t.Work), new CoreSeconds(t.Done), t.Paused, t.StartedAt))];

    public void SetOnline(bool online)
    {
        IsOnline = online;
        Reassign();
    }

    public CommandOutcome SetPowerCap(Watts cap, bool heatWanted)
    {
        if (!IsOnline)
        {
            return CommandOutcome.NodeOffline;
        }

        if (!(cap.Value >= 0) || !double.IsFinite(cap.Value))
        {
            return CommandOutcome.Invalid;
        }

        PowerCap = cap;
        HeatWanted = heatWanted;
        Reassign();
        return CommandOutcome.Accepted;
    }

    /// <summary>
    /// Gives the heater a task; it runs when a core is free for it. <paramref name="deadline"/> orders it among the
    /// tasks waiting for a core (none: after every task with one).
    /// </summary>
    public CommandOutcome StartTask(string taskId, CoreSeconds work, int cores, DateTimeOffset now, DateTimeOffset? deadline = null)
    {
        if (!IsOnline)
        {
            return CommandOutcome.NodeOffline;
        }

        if (string.IsNullOrWhiteSpace(taskId) || !(work.Value > 0) || !double.IsFinite(work.Value) || cores < 1 || cores > Spec.Cores)
        {
            return CommandOutcome.Invalid;
        }

        if (Find(taskId) is not null)
        {
            return CommandOutcome.DuplicateTask;
        }

        _tasks.Add(new SimulatedTask(taskId, cores, work.Value, now) { Deadline = deadline ?? DateTimeOffset.MaxValue });
        Reassign();
        return CommandOutcome.Accepted;
    }

    public CommandOutcome Pause(string taskId) => WithTask(taskId, t => t.Paused = true);

    public CommandOutcome Resume(string taskId) => WithTask(taskId, t => t.Paused = false);

    public CommandOutcome Cancel(string taskId) => WithTask(taskId, t => _tasks.Remove(t));

    /// <summary>
    /// Runs for <paramref name="dt"/> from <paramref name="start"/>, splitting the step at each task completion so
    /// completion times and energy are exact. Returns the electricity drawn (= heat delivered) in the step.
    /// </summary>
    public WattHours Advance(DateTimeOffset start, TimeSpan dt, string nodeId, List<TaskCompletion> completions)
    {
        var before = _energyWattSeconds;
        var remaining = dt.TotalSeconds;
        var elapsed = 0.0;
        while (remaining > 0)
        {
            var now = Evaluate();
            var slice = remaining;
            if (now.CoreRate > 0)
            {
                foreach (var task in _active)
                {
                    slice = Math.Min(slice, task.Remaining / (task.Cores * now.CoreRate));
                }
            }

            _energyWattSeconds += now.Power.Value * slice;
            if (now.CoreRate > 0)
            {
                foreach (var task in _active)
                {
                    var delta = Math.Min(task.Remaining, task.Cores * now.CoreRate * slice);
                    task.Done += delta;
                    _work += delta;
                }
            }

            elapsed += slice;
            remaining -= slice;
            var finished = _tasks.Where(t => t.Remaining <= t.Work * 1e-12).ToList();
            foreach (var task in finished)
            {
                _tasks.Remove(task);
                var at = start + TimeSpan.FromSeconds(elapsed);
                completions.Add(new TaskCompletion(nodeId, task.Id, at, at - task.StartedAt, new CoreSeconds(task.Work)));
            }

            if (finished.Count == 0)
            {
                break;
            }

            Reassign();
        }

        return new WattHours((_energyWattSeconds - before) / 3600.0);
    }

    /// <summary>Power, total and task utilisation, and the speed of each task core (0..1 of a full core).</summary>
    private (Watts Power, double Utilisation, double TaskUtilisation, double CoreRate) Evaluate()
    {
        if (!IsOnline || PowerCap < Spec.IdlePower || PowerCap.Value <= 0)
        {
            return (Watts.Zero, 0, 0, 0);
        }

        var capUtilisation = PowerCap >= Spec.MaxPower ? 1.0 : Spec.UtilisationFor(PowerCap);
        var demandedCores = 0;
        foreach (var task in _active)
        {
            demandedCores += task.Cores;
        }

        var taskUtilisation = Math.Min(capUtilisation, Math.Min(1.0, (double)demandedCores / Spec.Cores));
        var utilisation = HeatWanted ? capUtilisation : taskUtilisation;
        var coreRate = demandedCores == 0 ? 0 : taskUtilisation * Spec.Cores / demandedCores;
        return (Spec.PowerAt(utilisation), utilisation, taskUtilisation, coreRate);
    }

    /// <summary>Gives cores to tasks as the class says (<see cref="CoreSlots"/>); called after every change of tasks, cap or state.</summary>
    private void Reassign()
    {
        var runnable = _tasks.Where(t => !t.Paused).ToDictionary(t => t.Id, StringComparer.Ordinal);
        var chosen = CoreSlots.Assign(
            [.. _tasks.Where(t => !t.Paused).Select(t => new CoreClaim(t.Id, t.Cores, t.Deadline))], [.. _active.Select(t => t.Id)], CoresAllowed());
        _active.Clear();
        _active.AddRange(chosen.Select(id => runnable[id]));
    }

    /// <summary>Cores the power cap pays for (none when offline).</summary>
    private int CoresAllowed() => IsOnline ? CoreSlots.Allowed(Spec, PowerCap) : 0;

    private SimulatedTask? Find(string taskId) => _tasks.Find(t => t.Id == taskId);

    private CommandOutcome WithTask(string taskId, Action<SimulatedTask> action)
    {
        if (!IsOnline)
        {
            return CommandOutcome.NodeOffline;
        }

        if (Find(taskId) is not { } task)
        {
            return CommandOutcome.UnknownTask;
        }

        action(task);
        Reassign();
        return CommandOutcome.Accepted;
    }
}
