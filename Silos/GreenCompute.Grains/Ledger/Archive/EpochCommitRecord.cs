namespace GreenCompute.Grains.Ledger.Archive;

/// <summary>
/// Where an epoch was recorded: the transaction hash and block on chain, or a "journal:" reference to the local
/// journal line; <see cref="Committer"/> describes the committer (chain endpoint and ledger, or the journal file).
/// </summary>
public sealed record EpochCommitRecord(string Reference, ulong? Block, string Committer, DateTimeOffset RecordedAt);
