namespace GreenCompute.Contracts.Ledger;

/// <summary>A committed epoch: both Merkle roots, the totals, and the block time of the commit.</summary>
public sealed record EpochRecord(ulong Epoch, byte[] ReceiptsRoot, byte[] PayoutsRoot, EpochTotals Totals, DateTimeOffset CommittedAt);
