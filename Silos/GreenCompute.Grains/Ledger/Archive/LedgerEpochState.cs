namespace GreenCompute.Grains.Ledger.Archive;

/// <summary>The epoch grain's persisted state.</summary>
public sealed class LedgerEpochState
{
    public EpochArchive? Archive { get; set; }

    public EpochCommitRecord? Commit { get; set; }
}
