namespace GreenCompute.Grains.Ledger.Chain;

/// <summary>One line of the local epoch journal: what commitEpoch would have recorded, and when it was journaled.</summary>
public sealed record JournalEntry(
    ulong Epoch,
    string ReceiptsRoot,
    string PayoutsRoot,
    ulong EnergyWh,
    ulong UsefulHeatWh,
    ulong CoreSeconds,
    ulong Tasks,
    uint Nodes,
    string PayoutAmount,
    DateTimeOffset JournaledAt);
