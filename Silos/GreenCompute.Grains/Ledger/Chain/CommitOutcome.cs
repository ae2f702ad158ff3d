namespace GreenCompute.Grains.Ledger.Chain;

/// <summary>
/// The answer of <see cref="IChainCommitter.CommitAsync"/>. <see cref="Reference"/>: the committing transaction hash
/// or journal reference when <see cref="CommitStatus.Committed"/>; the hash just sent (if any) when Pending.
/// </summary>
public sealed record CommitOutcome(CommitStatus Status, string? Reference, ulong? Block, string Detail)
{
    public static CommitOutcome Committed(string reference, ulong? block, string detail) => new(CommitStatus.Committed, reference, block, detail);

    public static CommitOutcome Pending(string? sent, string detail) => new(CommitStatus.Pending, sent, null, detail);

    public static CommitOutcome Retry(string detail) => new(CommitStatus.Retry, null, null, detail);

    public static CommitOutcome Halted(string detail) => new(CommitStatus.Halted, null, null, detail);
}
