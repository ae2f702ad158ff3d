using System.Diagnostics;
using System.Globalization;
using GreenCompute.Core.Units;
using GreenCompute.SchedulingBench.Policies;
using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Oracle;

/// <summary>
/// The offline oracle with perfect foresight, replayed in the simulator: every 24 h it solves the coupled LP of the
/// next <see cref="WindowHours"/> hours exactly (<see cref="OraclePlanner"/>, <see cref="OracleWindow"/>) from the true
/// room states (tracked with exact replicas) and commits the first 24 h. The plan is applied as an hourly power cap
/// with heat-only load (below idle power as a duty cycle); tasks, earliest deadline first, take the cores that power
/// carries; a task that would otherwise miss its deadline runs at once on a free core above the plan.
/// </summary>
internal sealed class OraclePolicy : IPolicy, INoted
{
    public const int WindowHours = 48;
    public static readonly TimeSpan Commit = TimeSpan.FromHours(24);

    /// <summary>A waiting task is forced onto a free core this long before its latest start.</summary>
    private static readonly TimeSpan ForceMargin = TimeSpan.FromMinutes(2);

    private readonly HashSet<BenchTask> _forced = [];
    private readonly Stopwatch _solving = new();
    private RoomReplica[] _replicas = [];
    private OraclePlanner? _planner;
    private double[][] _plan = [];
    private DateTimeOffset _planStart;
    private int _windows;
    private int _rounds;
    private double _objective;
    private double _bound;
    private double _unserved;

    public string Name => "offline oracle";

    public QueueOrder Order => QueueOrder.EarliestDeadline;

    public string? Note => string.Create(CultureInfo.InvariantCulture,
        $"{_windows} windows of ≤ {WindowHours} h (24 h committed each), {(_windows == 0 ? 0 : (double)_rounds / _windows):0.#} column-generation rounds per window, LP objective {_objective:0.00} EUR ≥ bound {_bound:0.00} EUR, {_unserved:0.#} core-h unserved in the LPs, {_solving.Elapsed.TotalSeconds:0.#} s solving.");

    public void Step(StepContext context)
    {
        var inputs = context.Inputs;
        if (_replicas.Length == 0)
        {
            _replicas = [.. context.Nodes.Select(n => new RoomReplica(n.Node, inputs.Weather, inputs.LocalOffset, inputs.Fleet.SolarGains, inputs.Fleet.InitialTemperature.Value))];
            _planner = new OraclePlanner(inputs, _replicas);
        }
        else
        {
            foreach (var node in context.Nodes)
            {
                _replicas[node.Index].Step(context.Now - context.Dt, context.Dt, node.Power.Value);
            }
        }

        if (_plan.Length == 0 || context.Now - _planStart >= Commit)
        {
            Replan(context);
        }

        Apply(context);
    }

    private void Replan(StepContext context)
    {
        _solving.Start();
        var hours = (int)Math.Min(WindowHours, Math.Ceiling((context.Inputs.End - context.Now).TotalHours));
        var running = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var node in context.Nodes)
        {
            foreach (var (id, remaining) in context.Control.Remaining(node.Index))
            {
                running[id] = remaining;
            }
        }

        var solution = _planner!.Plan(context.Now, hours, context.Book, running);
        _solving.Stop();
        _plan = solution.PowerKw;
        _planStart = context.Now;
        _windows++;
        _rounds += solution.Rounds;
        _objective += solution.Objective;
        _bound += solution.LowerBound;
        _unserved += solution.Unserved;
    }

    private void Apply(StepContext context)
    {
        var hour = (int)Math.Floor((context.Now - _planStart).TotalHours);
        var intoHour = context.Now - _planStart - TimeSpan.FromHours(hour);
        _forced.RemoveWhere(t => t.Node < 0);
        var cores = new int[context.Nodes.Count];
        foreach (var node in context.Nodes)
        {
            var heater = node.Heater;
            var watts = hour < _plan[node.Index].Length ? _plan[node.Index][hour] * 1000 : 0;
            var perCore = (heater.MaxPower.Value - heater.IdlePower.Value) / heater.Cores;
            var (cap, heat) = watts >= heater.IdlePower.Value ? (watts, true)
                : intoHour < TimeSpan.FromHours(watts / heater.IdlePower.Value) ? (heater.IdlePower.Value, true)
                : (0.0, false);
            // Whole cores only, so every task runs at full speed; the fraction left over burns as heat-only load.
            cores[node.Index] = watts >= heater.IdlePower.Value ? (int)Math.Floor((heater.Cores * (watts - heater.IdlePower.Value) / (heater.MaxPower.Value - heater.IdlePower.Value)) + 1e-6) : 0;
            var forced = context.Book.RunningOn(node.Index).Count(_forced.Contains);
            if (forced > 0)
            {
                cap = Math.Min(heater.MaxPower.Value, Math.Max(cap, heater.IdlePower.Value) + (forced * perCore));
                cores[node.Index] += forced;
            }

            foreach (var task in context.Book.RunningOn(node.Index).Where(t => !_forced.Contains(t)).OrderByDescending(t => t.Deadline)
                .Take(Math.Max(0, context.Book.RunningCount(node.Index) - cores[node.Index])).ToList())
            {
                context.Control.Pause(task);
            }

            context.Control.SetPower(node.Index, new Watts(cap), heat);
        }

        foreach (var node in context.Nodes.OrderByDescending(n => cores[n.Index] - context.Book.RunningCount(n.Index)))
        {
            Dispatch.Fill(context, node.Index, cores[node.Index]);
        }

        Force(context);
    }

    /// <summary>Tasks that must start now to make their deadline run on the node with the most free cores, above the plan.</summary>
    private void Force(StepContext context)
    {
        var due = context.Book.Waiting.Where(t => t.LatestStart <= context.Now + context.Dt + ForceMargin).ToList();
        foreach (var task in due)
        {
            var node = context.Nodes.MaxBy(n => n.Heater.Cores - context.Book.RunningCount(n.Index))!;
            if (node.Heater.Cores - context.Book.RunningCount(node.Index) <= 0)
            {
                return;
            }

            context.Control.Start(task, node.Index);
            _forced.Add(task);
            var heater = node.Heater;
            var perCore = (heater.MaxPower.Value - heater.IdlePower.Value) / heater.Cores;
            var cap = Math.Min(heater.MaxPower.Value, Math.Max(context.Control.Cap(node.Index).Value, heater.IdlePower.Value) + perCore);
            context.Control.SetPower(node.Index, new Watts(cap), context.Control.HeatWanted(node.Index));
        }
    }
}
