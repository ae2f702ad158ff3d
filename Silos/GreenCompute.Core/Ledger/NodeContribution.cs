using GreenCompute.Core.Units;

namespace GreenCompute.Core.Ledger;

/// <summary>
/// A node's closed epoch: what goes into its receipts-tree leaf (energy, useful heat, core-seconds, tasks, device)
/// and the evidence behind it — the signed baseline and closing readings and every signed task completion.
/// </summary>
public sealed record NodeContribution(
    string NodeId,
    string Device,
    string PayoutAccount,
    ulong EnergyWh,
    ulong UsefulHeatWh,
    ulong CoreSeconds,
    ulong Tasks,
    int Readings,
    EurPerMwh Price,
    MicroEuros Payout,
    SignedMeterReading? Baseline,
    SignedMeterReading? Closing,
    IReadOnlyList<SignedTaskCompletion> Completions);
