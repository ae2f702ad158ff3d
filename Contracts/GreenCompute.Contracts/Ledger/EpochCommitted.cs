using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.JsonRpc;

namespace GreenCompute.Contracts.Ledger;

/// <summary>The EpochCommitted event (epoch and recorder are indexed).</summary>
public sealed record EpochCommitted(ulong Epoch, byte[] ReceiptsRoot, byte[] PayoutsRoot, EpochTotals Totals, Address Recorder, LogEntry Log);
