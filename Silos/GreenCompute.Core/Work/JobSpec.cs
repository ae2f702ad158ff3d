using GreenCompute.Core.Units;

namespace GreenCompute.Core.Work;

/// <summary>
/// What a customer submits: a bag of <see cref="TaskCount"/> independent single-core tasks of one
/// <see cref="Workload"/>, each needing <see cref="CpuSecondsPerTask"/> of CPU, all due by <see cref="Deadline"/>.
/// <see cref="MaxPrice"/> is the highest day-ahead electricity price (EUR/MWh) of a slot in which the job's tasks
/// may run, deadline-forced runs included: electricity is what the customer's bill is made of, so the cap is
/// quoted in the market's own unit. <see cref="CheckpointInterval"/> is the wall-clock time between two
/// checkpoints of a running task: progress since the last checkpoint is lost when a node fails.
/// </summary>
public sealed record JobSpec(
    string Name,
    string CustomerId,
    string Workload,
    int TaskCount,
    CoreSeconds CpuSecondsPerTask,
    DateTimeOffset Deadline,
    EurPerMwh MaxPrice,
    TimeSpan CheckpointInterval);
