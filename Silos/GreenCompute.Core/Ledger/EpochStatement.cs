namespace GreenCompute.Core.Ledger;

/// <summary>
/// A closed epoch: per-node contributions ordered by node id (the receipts tree's leaves), every host account ever
/// paid with its cumulative earnings ordered by address (the payouts tree's leaves), and the totals.
/// </summary>
public sealed record EpochStatement(
    long Epoch,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<NodeContribution> Contributions,
    IReadOnlyList<HostPayout> Payouts,
    EpochSums Totals);
