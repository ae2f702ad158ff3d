namespace GreenCompute.Core.Ledger;

/// <summary>A payouts-tree entry: a host account's cumulative earnings and what this epoch added to them.</summary>
public sealed record HostPayout(string Account, MicroEuros Cumulative, MicroEuros Added);
