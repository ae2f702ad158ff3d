using GreenCompute.Core.Planning;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>A task inside one assignment round: its inputs (in seconds and EUR/MWh) and what the round decided.</summary>
internal sealed class RoundItem
{
    public required string TaskId { get; init; }

    public required string JobId { get; init; }

    public int Input { get; set; }

    public required bool Running { get; init; }

    /// <summary>The node a running task runs on; -1 for a queued task.</summary>
    public int Node { get; init; } = -1;

    /// <summary>Work left, in core-seconds (= wall seconds on its one core).</summary>
    public required double Remaining { get; init; }

    public double ToCheckpoint { get; init; }

    public required DateTimeOffset Deadline { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public required double MaxPrice { get; init; }

    public int Avoid { get; init; } = -1;

    /// <summary>Planned capacity of its own node's current slot held for a running task until its turn.</summary>
    public double Reserved { get; set; }

    /// <summary>The price a running task sees for staying where it is: lowered by the hysteresis margin.</summary>
    public double OwnPrice { get; set; }

    public TaskAction Action { get; set; }

    public int DecidedNode { get; set; } = -1;

    public Reason? Reason { get; set; }

    public DateTimeOffset? Completion { get; set; }

    public bool ForcedNow { get; set; }

    public bool AtRisk { get; set; }

    /// <summary>Its deadline (not only the safety margin) has passed: all its work is late.</summary>
    public bool Late { get; set; }

    public double Shortfall { get; set; }

    public List<TaskRun>? Runs { get; set; }
}
