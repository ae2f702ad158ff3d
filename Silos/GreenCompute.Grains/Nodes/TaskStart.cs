using GreenCompute.Core.Units;

namespace GreenCompute.Grains.Nodes;

/// <summary>
/// Start (or resume from its last checkpoint) one task: the work done at that checkpoint, the work remaining from it,
/// the cores it uses and how often it checkpoints.
/// </summary>
public sealed record TaskStart(string TaskId, string JobId, string Workload, CoreSeconds Checkpoint, CoreSeconds RemainingWork, int Cores, TimeSpan CheckpointInterval)
{
    /// <summary>The job's deadline, when it has one: a device with more tasks than free cores starts the earliest first.</summary>
    public DateTimeOffset? Deadline { get; init; }
}
