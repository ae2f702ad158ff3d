namespace GreenCompute.Core.Ledger;

/// <summary>
/// A finished task as the device signs it (EIP-712 type <c>TaskCompletion</c>, see <see cref="ReceiptTypes"/>):
/// the CPU time it took in whole core-seconds and the hash of its output (0x-prefixed 32-byte hex).
/// <see cref="Sequence"/> is the device's receipt sequence, shared with meter readings.
/// </summary>
public sealed record TaskCompletion(
    string NodeId,
    ulong Sequence,
    DateTimeOffset Time,
    string JobId,
    string TaskId,
    ulong CoreSeconds,
    string OutputHash);
