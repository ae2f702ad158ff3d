namespace GreenCompute.Bench.Planning;

/// <summary>
/// One measured planning round: wall and CPU time of planning every node, wall (and, for the default policy, CPU)
/// time of one assignment per policy, bytes allocated by each phase (all threads), and what each decided now.
/// </summary>
internal sealed record RoundSample(
    TimeSpan PlanWall,
    TimeSpan PlanCpu,
    long PlanBytes,
    TimeSpan AssignSunk,
    TimeSpan AssignSunkCpu,
    long AssignSunkBytes,
    TimeSpan AssignByPrice,
    int StartsSunk,
    int StartsByPrice,
    int HeatOnlySunk,
    int HeatOnlyByPrice)
{
    public TimeSpan Total => PlanWall + AssignSunk;
}
