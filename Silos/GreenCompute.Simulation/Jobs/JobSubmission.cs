using GreenCompute.Core.Units;

namespace GreenCompute.Simulation.Jobs;

/// <summary>
/// A job from the trace, placed in simulated time: a bag of <paramref name="TaskCount"/> identical tasks of
/// <paramref name="WorkPerTask"/> core-seconds each on <paramref name="CoresPerTask"/> cores, due by
/// <paramref name="Deadline"/>. The silo maps it to its own job type.
/// </summary>
public sealed record JobSubmission(
    string JobId,
    DateTimeOffset SubmitAt,
    int TaskCount,
    int CoresPerTask,
    CoreSeconds WorkPerTask,
    DateTimeOffset Deadline,
    TimeSpan TraceRuntime,
    int TraceProcessors)
{
    public CoreSeconds TotalWork => WorkPerTask * TaskCount;
}
