using System.Collections.Immutable;

namespace GreenCompute.Core.Work;

/// <summary>The outcome of validating a job spec: every problem found, or the validated spec when there are none.</summary>
public sealed record JobValidation(ImmutableArray<JobProblem> Problems, ValidatedJobSpec? Spec)
{
    public bool IsValid => Spec is not null;
}
