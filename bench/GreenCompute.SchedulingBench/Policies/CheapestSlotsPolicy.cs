using GreenCompute.Core.Forecast;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;
using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Policies;

/// <summary>
/// Cheapest slots, the evcc way (notes §5.3 baseline 5): every 15 minutes each room's heat need over the next 24 h
/// comes from the learnt 1R1C model (<see cref="HeatDemandForecast"/>, from the heat store behind the sensor); the
/// heater runs at full power in the cheapest slots that cover it (<see cref="CheapestSlots"/>, with the comfort
/// repair; the upper bound lowered by the learnt sensor offset at full power), and is off otherwise. Queued tasks,
/// earliest deadline first, take the free cores of heaters that are on; a heater switching off pauses its tasks.
/// Same learning and forecasts as ours; no device guard.
/// </summary>
internal sealed class CheapestSlotsPolicy : IPolicy
{
    private const double ComfortMargin = 0.2;

    private readonly RoomLearning _learning = new();
    private bool[] _on = [];

    public string Name => "cheapest slots (evcc)";

    public QueueOrder Order => QueueOrder.EarliestDeadline;

    public void Step(StepContext context)
    {
        if (_on.Length != context.Nodes.Count)
        {
            _on = new bool[context.Nodes.Count];
        }

        _learning.Observe(context);
        if (context.IsRound)
        {
            Round(context);
        }

        foreach (var node in context.Nodes)
        {
            if (_on[node.Index])
            {
                context.Control.SetPower(node.Index, node.Heater.MaxPower, heatWanted: true);
                Dispatch.Fill(context, node.Index, node.Heater.Cores);
            }
            else
            {
                context.Control.PauseAll(node.Index);
                context.Control.SetPower(node.Index, Watts.Zero, heatWanted: false);
            }
        }
    }

    private void Round(StepContext context)
    {
        var horizon = PlanningHorizon.Default(context.Now);
        var n = horizon.SlotCount;
        var (outdoor, prices) = Forecasts.For(context, horizon);
        var bands = context.Inputs.Comfort.BandsFor(horizon);
        var price = prices.Select(p => p.Value).ToArray();
        var outdoorC = outdoor.Select(t => t.Value).ToArray();
        foreach (var node in context.Nodes)
        {
            var model = _learning.Model(node.Index);
            var store = _learning.Store(node);
            var need = HeatDemandForecast.Forecast(model, horizon, bands.AsSpan(), outdoor, store).Total;
            var slotEnergy = node.Heater.MaxPower * horizon.SlotLength;
            var count = (int)Math.Ceiling(need / slotEnergy - 1e-9);
            var lift = _learning.KelvinPerWatt(node.Index) * node.Heater.MaxPower.Value;
            var lower = new double[n + 1];
            var upper = new double[n + 1];
            for (var j = 1; j <= n; j++)
            {
                var before = bands[j - 1];
                var after = j < n ? bands[j] : before;
                lower[j] = Math.Max(before.Min.Value, after.Min.Value) + ComfortMargin;
                upper[j] = Math.Max(Math.Min(before.Max.Value, after.Max.Value) - lift, lower[j] + 0.1);
            }

            var on = CheapestSlots.Plan(
                price, count, store.Value, model.Decay(horizon.SlotLength), model.HeatLoss.Value, outdoorC, lower, upper, node.Heater.MaxPower.Value);
            _on[node.Index] = on[0];
        }
    }
}
