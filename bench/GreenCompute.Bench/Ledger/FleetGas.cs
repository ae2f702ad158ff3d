namespace GreenCompute.Bench.Ledger;

/// <summary>
/// Gas (receipt gasUsed) for one fleet size: two consecutive hourly commits, and one host's first claim (after the
/// first commit) and later claim (after the second), with <see cref="ProofLength"/> siblings in the payouts proof.
/// <see cref="TreesMilliseconds"/>: EpochTrees.Build of each epoch (details JSON, both trees' leaves, both trees).
/// </summary>
internal sealed record FleetGas(
    int Nodes,
    ulong FirstCommit,
    ulong SecondCommit,
    int ProofLength,
    ulong FirstClaim,
    ulong LaterClaim,
    IReadOnlyList<double> TreesMilliseconds);
