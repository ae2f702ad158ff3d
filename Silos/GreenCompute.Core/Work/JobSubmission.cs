using System.Collections.Immutable;

namespace GreenCompute.Core.Work;

/// <summary>The outcome of submitting a job: the queued job, or every problem and nothing queued.</summary>
public sealed record JobSubmission(Job? Job, ImmutableArray<JobProblem> Problems)
{
    public bool Accepted => Job is not null;
}
