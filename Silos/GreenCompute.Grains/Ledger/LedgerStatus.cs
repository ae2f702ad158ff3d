using GreenCompute.Core.Ledger;

namespace GreenCompute.Grains.Ledger;

/// <summary>
/// The operator's view of the ledger. <see cref="Summary"/> is one line, and in journal mode says that epochs are
/// journaled locally, not on chain.
/// </summary>
public sealed record LedgerStatus(
    string Summary,
    string Committer,
    bool Journal,
    IReadOnlyList<long> OpenEpochs,
    long Accepted,
    IReadOnlyDictionary<ReceiptRejection, long> Rejections,
    IReadOnlyList<OutboxItem> Outbox,
    IReadOnlyList<CommittedEpoch> RecentCommits,
    long? LatestCommitted,
    long EpochsCommitted)
{
    public long Rejected => Rejections.Values.Sum();
}
