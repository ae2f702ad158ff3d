using GreenCompute.Core.Ledger;

namespace GreenCompute.Grains.Ledger;

/// <summary>The ledger grain's persisted state: the book (open epochs, cursors, cumulative payouts) and the commit outbox.</summary>
public sealed class LedgerState
{
    public LedgerBookState Book { get; set; } = new();

    /// <summary>Closed epochs not yet recorded, oldest first; only the head is ever sent.</summary>
    public List<OutboxEntry> Outbox { get; set; } = [];

    public List<CommittedEpoch> RecentCommits { get; set; } = [];

    public long? LatestCommitted { get; set; }

    public long EpochsCommitted { get; set; }
}
