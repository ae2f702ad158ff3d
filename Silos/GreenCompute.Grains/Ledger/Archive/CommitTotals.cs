using System.Globalization;
using System.Numerics;
using GreenCompute.Contracts.Ledger;

namespace GreenCompute.Grains.Ledger.Archive;

/// <summary>ContributionLedger's EpochTotals in storable form (the payout amount, token base units, as decimal text).</summary>
public sealed record CommitTotals(ulong EnergyWh, ulong UsefulHeatWh, ulong CoreSeconds, ulong Tasks, uint Nodes, string PayoutAmount)
{
    public static CommitTotals From(EpochTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return new(totals.EnergyWh, totals.UsefulHeatWh, totals.CoreSeconds, totals.Tasks, totals.Nodes, totals.PayoutAmount.ToString(CultureInfo.InvariantCulture));
    }

    public EpochTotals ToEpochTotals() =>
        new(EnergyWh, UsefulHeatWh, CoreSeconds, Tasks, Nodes, BigInteger.Parse(PayoutAmount, CultureInfo.InvariantCulture));
}
