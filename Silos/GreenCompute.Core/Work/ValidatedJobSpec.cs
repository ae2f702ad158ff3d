namespace GreenCompute.Core.Work;

/// <summary>
/// A <see cref="JobSpec"/> that passed <see cref="JobValidator"/>. Only the validator can make one, and a
/// <see cref="Job"/> can only be made from one, so an invalid spec can never reach the queue.
/// </summary>
public sealed class ValidatedJobSpec
{
    internal ValidatedJobSpec(JobSpec spec, DateTimeOffset validatedAt)
    {
        Spec = spec;
        ValidatedAt = validatedAt;
    }

    public JobSpec Spec { get; }

    public DateTimeOffset ValidatedAt { get; }
}
