using System.Collections.Immutable;
using GreenCompute.Core.Work;

namespace GreenCompute.Grains.Scheduling;

/// <summary>A job was queued, or rejected with every problem named (and then nothing was queued).</summary>
public sealed record JobSubmissionResult(string JobId, bool Accepted, ImmutableArray<JobProblem> Problems)
{
    public static JobSubmissionResult Queued(string jobId) => new(jobId, true, []);

    public static JobSubmissionResult Rejected(string jobId, ImmutableArray<JobProblem> problems) => new(jobId, false, problems);
}
