namespace GreenCompute.Grains.Ledger.Chain;

/// <summary>
/// Records epochs somewhere durable and tamper-evident: the ContributionLedger contract over JSON-RPC
/// (<see cref="JsonRpcChainCommitter"/>) or, when no chain is configured, an append-only local journal
/// (<see cref="JournalChainCommitter"/>). The ledger grain calls it for the outbox head only, so epochs are recorded
/// in order; implementations must be idempotent, because the grain repeats an attempt whose result it did not persist.
/// </summary>
public interface IChainCommitter
{
    /// <summary>True for the local journal: epochs are not on a chain.</summary>
    bool IsJournal { get; }

    /// <summary>One line for status and logs: where epochs go ("chain 31337 at http://…, ledger 0x…" or "journal …").</summary>
    string Description { get; }

    /// <summary>
    /// Makes sure <paramref name="commit"/> is recorded exactly once. <paramref name="sent"/> lists the transactions
    /// earlier attempts sent for this epoch (oldest first); a new one is sent only when none of them landed and none
    /// is still pending, or when <paramref name="mayResend"/> says the pending ones are too old. Never throws for
    /// RPC faults: they come back as <see cref="CommitStatus.Retry"/>.
    /// </summary>
    Task<CommitOutcome> CommitAsync(EpochCommit commit, IReadOnlyList<string> sent, bool mayResend, CancellationToken cancellationToken);
}
