using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Policies;

/// <summary>
/// Not a scheduler: every heater at full power all the time, no tasks. Its too-cold K·h is the floor no scheduler
/// can go below (notes §5.5.3, heater undersize): where a room is cold even then, the heater is too small.
/// </summary>
internal sealed class FlatOutPolicy : IPolicy
{
    public string Name => "every heater flat out (comfort floor)";

    public QueueOrder Order => QueueOrder.Fifo;

    public void Step(StepContext context)
    {
        foreach (var node in context.Nodes)
        {
            context.Control.SetPower(node.Index, node.Heater.MaxPower, heatWanted: true);
        }
    }
}
