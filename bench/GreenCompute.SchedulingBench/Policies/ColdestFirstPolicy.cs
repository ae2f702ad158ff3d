using GreenCompute.Core.Planning;
using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Policies;

/// <summary>
/// Coldest room first (notes §5.3 baseline 3, the Nerdalize heat-scheduler's rule): each task, in submit order, goes
/// to the node whose room is furthest below the thermostat setpoint (band minimum + 0.7 K) among those with a free
/// core. The rooms' heat comes from the same bang-bang thermostat as thermostat-only (heat-only load while it calls
/// for heat); nodes stay on for tasks otherwise. The heater's safety cut-off applies (band maximum + 1 K).
/// </summary>
internal sealed class ColdestFirstPolicy : IPolicy
{
    private readonly OverheatCutOff _cutOff = new();
    private HysteresisState[]? _state;

    public string Name => "coldest room first";

    public QueueOrder Order => QueueOrder.Fifo;

    public void Step(StepContext context)
    {
        _state ??= [.. context.Nodes.Select(_ => HysteresisState.Off(context.Now - TimeSpan.FromDays(1)))];
        var band = context.Inputs.Comfort.BandAt(context.Now);
        var setpoint = band.Min + ThermostatPolicy.SetpointAboveMinimum;
        foreach (var node in context.Nodes)
        {
            _state[node.Index] = Hysteresis.Default.Decide(_state[node.Index], node.Temperature, setpoint, context.Now).State;
        }

        _cutOff.Apply(context, heatWanted: i => _state[i].On);
        var deficit = context.Nodes.Select(n => setpoint.Value - n.Temperature.Value).ToArray();
        Dispatch.Place(context, free => Coldest(free, deficit));
    }

    private int Coldest(int[] free, double[] deficit)
    {
        var best = -1;
        for (var i = 0; i < free.Length; i++)
        {
            if (free[i] > 0 && !_cutOff.IsCut(i) && (best < 0 || deficit[i] > deficit[best]))
            {
                best = i;
            }
        }

        return best;
    }
}
