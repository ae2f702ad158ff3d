using GreenCompute.Core.Units;
using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Policies;

/// <summary>
/// The heater's own safety thermostat for the heat-blind baselines: cut (tasks paused to the queue, heater off) when
/// the room exceeds its band maximum by <see cref="Margin"/>, back on once it is at or below the maximum. Otherwise
/// the node is on at full cap, with heat-only load when <c>heatWanted</c> says so.
/// </summary>
internal sealed class OverheatCutOff
{
    public static readonly Kelvin Margin = new(1);

    private bool[] _cut = [];

    public bool IsCut(int node) => node < _cut.Length && _cut[node];

    public void Apply(StepContext context, Func<int, bool> heatWanted)
    {
        if (_cut.Length != context.Nodes.Count)
        {
            _cut = new bool[context.Nodes.Count];
        }

        var band = context.Inputs.Comfort.BandAt(context.Now);
        foreach (var node in context.Nodes)
        {
            var i = node.Index;
            _cut[i] = _cut[i] ? node.Temperature > band.Max : node.Temperature > band.Max + Margin;
            if (_cut[i])
            {
                context.Control.PauseAll(i);
                context.Control.SetPower(i, Watts.Zero, heatWanted: false);
            }
            else
            {
                context.Control.SetPower(i, node.Heater.MaxPower, heatWanted(i));
            }
        }
    }
}
