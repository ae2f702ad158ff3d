namespace GreenCompute.Grains.Ledger.Archive;

/// <summary>
/// Everything needed to verify an epoch without the operator: both roots, the totals committed with them, and every
/// leaf of both trees in tree order (proofs are rebuilt from the leaves, which is deterministic).
/// </summary>
public sealed record EpochArchive(
    long Epoch,
    DateTimeOffset Start,
    DateTimeOffset End,
    string ReceiptsRoot,
    string PayoutsRoot,
    CommitTotals Totals,
    IReadOnlyList<ArchivedReceipt> Receipts,
    IReadOnlyList<ArchivedPayout> Payouts);
