using GreenCompute.Grains.Ledger.Archive;

namespace GreenCompute.Web.Receipts;

/// <summary>
/// One closed epoch, indexed: which node's receipt covers each completed task (from the signed details), and each host
/// account's cumulative entitlement in base units (decimal text) with the archive's payout leaf.
/// </summary>
internal sealed record EpochEntry(
    long Epoch,
    DateTimeOffset Start,
    IReadOnlyDictionary<string, string> NodeOfTask,
    IReadOnlyDictionary<string, ArchivedPayout> PayoutOf);
