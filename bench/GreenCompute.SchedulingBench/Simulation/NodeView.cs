using GreenCompute.Core.Model;
using GreenCompute.Core.Units;
using GreenCompute.Simulation.Fleet;

namespace GreenCompute.SchedulingBench.Simulation;

/// <summary>
/// What a policy sees of one node at a step: its sensor (the room air temperature, as the edge agent reports it) and
/// the average power of the step just finished (the power behind that reading). Updated by the runner every step.
/// </summary>
internal sealed class NodeView(int index, FleetNode node)
{
    public int Index { get; } = index;

    public FleetNode Node { get; } = node;

    public string Id => Node.NodeId;

    public HeaterSpec Heater => Node.Heater;

    public Celsius Temperature { get; set; }

    /// <summary>Average power of the last step (energy ÷ step): what the room received.</summary>
    public Watts Power { get; set; }
}
