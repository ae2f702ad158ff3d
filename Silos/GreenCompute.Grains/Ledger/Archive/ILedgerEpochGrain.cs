using GreenCompute.Actors;

namespace GreenCompute.Grains.Ledger.Archive;

/// <summary>
/// One closed epoch's archive (key: the epoch number in decimal): every leaf of both trees, the roots, and where the
/// epoch was committed. Kept apart from the ledger grain so the ledger's state does not grow with history.
/// </summary>
public interface ILedgerEpochGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the archive. Idempotent: storing the same roots again is a no-op; a different archive replaces one not
    /// yet committed (the epoch was closed again after a restart) and is refused once committed.
    /// </summary>
    Task Store(EpochArchive archive);

    /// <summary>Records where the epoch was committed; idempotent.</summary>
    Task MarkCommitted(EpochCommitRecord record);

    Task<EpochArchive?> GetArchive();

    Task<EpochCommitRecord?> GetCommit();

    /// <summary>The node's leaf and proof, or null when the node has no receipt in this epoch.</summary>
    Task<ReceiptProof?> GetReceiptProof(string nodeId);

    /// <summary>The account's cumulative entitlement and proof, or null when the account is not in this epoch's payouts tree.</summary>
    Task<PayoutProof?> GetPayoutProof(string account);
}
