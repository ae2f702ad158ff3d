namespace GreenCompute.Grains.Ledger;

/// <summary>An outbox entry as the status shows it.</summary>
public sealed record OutboxItem(long Epoch, string ReceiptsRoot, int Attempts, IReadOnlyList<string> Sent, string? LastError, bool Halted);
