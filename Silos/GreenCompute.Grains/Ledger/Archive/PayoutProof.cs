using GreenCompute.Contracts.Payouts;

namespace GreenCompute.Grains.Ledger.Archive;

/// <summary>
/// A host's cumulative entitlement in an epoch's payouts tree with its proof: what <c>PayoutDistributor.claim</c>
/// takes, valid while <see cref="Epoch"/> is the ledger's latest committed epoch.
/// </summary>
public sealed record PayoutProof(long Epoch, PayoutEntitlement Entitlement, byte[] Leaf, IReadOnlyList<byte[]> Proof, byte[] Root, EpochCommitRecord? Commit);
