using System.Collections.Immutable;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;
using GreenCompute.Core.Work.Assignment;
using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Policies;

/// <summary>
/// Our scheduler, as the silo runs it, without grains: every 15 minutes each node is planned by
/// <see cref="PowerPlanner"/> (96 × 15 min, the learnt 1R1C model, the heat store behind the sensor and the learnt
/// sensor offset, forecast outdoor temperatures and prices), then <see cref="TaskAssigner"/> assigns the queue to
/// the planned capacity (<see cref="AssignerOptions.Default"/>; MaxPrice 1,000 EUR/MWh as the silo's trace jobs).
/// Between rounds each device's <see cref="ComfortGuard"/> checks its sensor every step. Pauses take effect at once
/// at a checkpoint (no work lost), as for every policy here.
/// </summary>
/// <remarks>
/// With <c>rotateNodes</c> the nodes are listed to the assigner in an order rotated by one every round, so that ties
/// between equally priced nodes (the whole fleet shares one price zone) do not always go to the first node: a
/// diagnostic variant, not what the silo does (it lists nodes in registration order).
/// </remarks>
internal sealed class GreenComputePolicy(AssignerOptions? options = null, bool rotateNodes = false) : IPolicy
{
    private static readonly EurPerMwh MaxPrice = new(1000);

    private readonly RoomLearning _learning = new();
    private GuardMode[] _mode = [];
    private bool[] _computing = [];
    private DateTimeOffset[] _switchedAt = [];
    private (Watts Cap, bool Heat)[] _commanded = [];

    private int _round;

    public string Name => rotateNodes ? "GreenCompute, node order rotated" : "GreenCompute (ours)";

    public QueueOrder Order => QueueOrder.EarliestDeadline;

    public void Step(StepContext context)
    {
        if (_mode.Length != context.Nodes.Count)
        {
            _mode = new GuardMode[context.Nodes.Count];
            _computing = new bool[context.Nodes.Count];
            _switchedAt = [.. context.Nodes.Select(_ => DateTimeOffset.MinValue)];
            _commanded = [.. context.Nodes.Select(n => (n.Heater.MaxPower, false))];
        }

        _learning.Observe(context);
        if (context.IsRound)
        {
            Round(context);
        }

        var band = context.Inputs.Comfort.BandAt(context.Now);
        foreach (var node in context.Nodes)
        {
            var i = node.Index;
            var decision = ComfortGuard.Default.Decide(_mode[i], node.Temperature, band, _commanded[i].Cap, _commanded[i].Heat, node.Heater);
            _mode[i] = decision.Mode;
            context.Control.SetPower(i, decision.PowerCap, decision.HeatWanted);
        }
    }

    private void Round(StepContext context)
    {
        var horizon = PlanningHorizon.Default(context.Now);
        var (outdoor, prices) = Forecasts.For(context, horizon);
        var nodes = ImmutableArray.CreateBuilder<NodeSnapshot>(context.Nodes.Count);
        var first = rotateNodes ? _round++ % context.Nodes.Count : 0;
        foreach (var node in context.Nodes.Skip(first).Concat(context.Nodes.Take(first)))
        {
            var plan = PowerPlanner.Plan(
                node.Id,
                horizon,
                _learning.Model(node.Index),
                _learning.Store(node),
                context.Inputs.Comfort,
                outdoor,
                prices,
                node.Heater,
                sensorOffsetKelvinPerWatt: _learning.KelvinPerWatt(node.Index));
            var remaining = context.Control.Remaining(node.Index);
            var running = context.Book.RunningOn(node.Index)
                .Select(t => new RunningTask(
                    t.Id, t.Job.Arrival.JobId, new CoreSeconds(remaining.GetValueOrDefault(t.Id, t.Remaining)), CoreSeconds.Zero,
                    TimeSpan.Zero, t.Deadline, MaxPrice, t.SubmittedAt))
                .ToImmutableArray();
            nodes.Add(new NodeSnapshot(node.Id, node.Heater, plan, Online: true, running, _switchedAt[node.Index]));
        }

        var queue = context.Book.Waiting
            .Select(t => new QueuedTask(t.Id, t.Job.Arrival.JobId, new CoreSeconds(t.Remaining), t.Deadline, MaxPrice, t.SubmittedAt))
            .ToImmutableArray();
        var result = TaskAssigner.Assign(new AssignmentSnapshot(context.Now, horizon, nodes.MoveToImmutable(), queue), options);
        Apply(context, result);
    }

    private void Apply(StepContext context, AssignmentResult result)
    {
        var index = context.Nodes.ToDictionary(n => n.Id, n => n.Index, StringComparer.Ordinal);
        foreach (var decision in result.Nodes)
        {
            var i = index[decision.NodeId];
            foreach (var id in decision.Cancel.Concat(decision.PauseAfterCheckpoint))
            {
                if (context.Book.Find(id) is { Node: >= 0 } task)
                {
                    context.Control.Pause(task);
                }
            }

            foreach (var id in decision.Start)
            {
                if (context.Book.Find(id) is { Node: < 0, Finished: false } task)
                {
                    context.Control.Start(task, i);
                }
            }

            var computing = decision.Start.Length + decision.Keep.Length + decision.PauseAfterCheckpoint.Length > 0;
            if (computing != _computing[i])
            {
                _computing[i] = computing;
                _switchedAt[i] = context.Now;
            }

            var heater = context.Nodes[i].Heater;
            _commanded[i] = (decision.PowerCap, computing || decision.PowerCap > heater.IdlePower);
        }
    }
}
