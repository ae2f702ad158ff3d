using GreenCompute.Contracts.Ledger;

namespace GreenCompute.Grains.Ledger.Archive;

/// <summary>
/// A node's receipt in an epoch with its Merkle proof: <c>ContributionLedger.verifyReceipt(Epoch, Leaf, Proof)</c> is
/// true once the epoch is committed (<see cref="Commit"/> set). <see cref="Details"/> hashes to the receipt's detailsHash.
/// </summary>
public sealed record ReceiptProof(long Epoch, ContributionReceipt Receipt, string Details, byte[] Leaf, IReadOnlyList<byte[]> Proof, byte[] Root, EpochCommitRecord? Commit);
