using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>A node inside one assignment round: its hysteresis state and the commands gathered for it.</summary>
internal sealed class RoundNode(NodeSnapshot snapshot)
{
    public NodeSnapshot Snapshot { get; } = snapshot;

    public bool IdleDwell { get; set; }

    public bool RunDwell { get; set; }

    public Watts PlannedPower { get; set; }

    public Reason? SlotReason { get; set; }

    /// <summary>Planned capacity of the current slot before any task took from it, in core-seconds.</summary>
    public double PlannedNow { get; set; }

    /// <summary>Cores busy now above the plan: forced runs (averaged over the slot) and tasks finishing to a checkpoint.</summary>
    public double ExtraCores { get; set; }

    public string? ForcedJob { get; set; }

    public List<string> Start { get; } = [];

    public List<string> Keep { get; } = [];

    public List<string> Pause { get; } = [];

    public List<string> Cancel { get; } = [];
}
