using GreenCompute.Contracts.Ledger;

namespace GreenCompute.Grains.Ledger.Chain;

/// <summary>What one commitEpoch records: the epoch, its receipts and payouts roots, and its totals.</summary>
public sealed record EpochCommit(ulong Epoch, byte[] ReceiptsRoot, byte[] PayoutsRoot, EpochTotals Totals);
