namespace GreenCompute.Core.Ledger;

/// <summary>An epoch's totals over its nodes; <see cref="Payout"/> is what the epoch added to all hosts' earnings.</summary>
public sealed record EpochSums(ulong EnergyWh, ulong UsefulHeatWh, ulong CoreSeconds, ulong Tasks, int Nodes, MicroEuros Payout);
