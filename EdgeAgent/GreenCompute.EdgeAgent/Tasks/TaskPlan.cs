namespace GreenCompute.EdgeAgent.Tasks;

/// <summary>
/// A task as the agent runs it: the workload (a built-in kernel or an operator-allowed "cmd:NAME"), its total work in
/// core-seconds, its own working folder (checkpoint, input, output) and how often it checkpoints.
/// </summary>
internal sealed record TaskPlan(
    string TaskId,
    string JobId,
    string Workload,
    double TotalCoreSeconds,
    int Cores,
    TimeSpan CheckpointInterval,
    string Folder,
    string? InputHash);
