using GreenCompute.Grains.Ledger.Archive;

namespace GreenCompute.Grains.Ledger;

/// <summary>An epoch that left the outbox: where it was recorded, after how many attempts.</summary>
public sealed record CommittedEpoch(long Epoch, EpochCommitRecord Record, int Attempts);
