using GreenCompute.Core.Ledger;

namespace GreenCompute.Grains.Ledger.Archive;

/// <summary>
/// The off-chain document behind a receipts-tree leaf: keccak256 of its UTF-8 JSON is the leaf's detailsHash. The
/// signed readings bound the energy (closing − baseline counter); the signed completions carry the work.
/// </summary>
public sealed record ReceiptDetails(
    long Epoch,
    string NodeId,
    string Device,
    string PayoutAccount,
    ulong EnergyWh,
    ulong UsefulHeatWh,
    ulong CoreSeconds,
    ulong Tasks,
    int Readings,
    double PriceEurPerMwh,
    long PayoutMicroEuros,
    SignedMeterReading? Baseline,
    SignedMeterReading? Closing,
    IReadOnlyList<SignedTaskCompletion> Completions);
