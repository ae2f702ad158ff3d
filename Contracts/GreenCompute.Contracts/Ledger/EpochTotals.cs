using System.Numerics;

namespace GreenCompute.Contracts.Ledger;

/// <summary>
/// ContributionLedger.EpochTotals: totals over one epoch's receipts. Energy and useful heat in Wh, work in
/// core-seconds; <see cref="PayoutAmount"/> is what the epoch adds to all hosts' cumulative earnings, in token
/// base units (uint128 on-chain).
/// </summary>
public sealed record EpochTotals(ulong EnergyWh, ulong UsefulHeatWh, ulong CoreSeconds, ulong Tasks, uint Nodes, BigInteger PayoutAmount)
{
    internal object?[] ToAbi() => [EnergyWh, UsefulHeatWh, CoreSeconds, Tasks, Nodes, PayoutAmount];

    internal static EpochTotals FromAbi(object? value)
    {
        var fields = (object?[])value!;
        return new EpochTotals(
            (ulong)(BigInteger)fields[0]!,
            (ulong)(BigInteger)fields[1]!,
            (ulong)(BigInteger)fields[2]!,
            (ulong)(BigInteger)fields[3]!,
            (uint)(BigInteger)fields[4]!,
            (BigInteger)fields[5]!);
    }
}
