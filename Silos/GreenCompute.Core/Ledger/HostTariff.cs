using GreenCompute.Core.Units;

namespace GreenCompute.Core.Ledger;

/// <summary>
/// What a host earns for a node's epoch:
/// <c>payout = ElectricityShare × energy × max(price, 0) + RevenueShare × coreHours × WorkPricePerCoreHour</c>,
/// rounded once to whole micro-euros (half away from zero).
/// <list type="bullet">
/// <item>Electricity is reimbursed in full (<see cref="ElectricityShare"/> 1.0) at the epoch's day-ahead price of the
/// node's zone, as Qarnot reimburses its hosts' electricity. A negative price counts as zero: hosting never costs the
/// host. No price known for the zone → the latest earlier price, else <see cref="FallbackPrice"/>.</item>
/// <item>The work's value is <see cref="WorkPricePerCoreHour"/> (EUR 0.02, about a cloud spot vCPU-hour) per core-hour
/// the node's finished tasks took; the host gets <see cref="RevenueShare"/> (25 %) of it.</item>
/// </list>
/// Example: 1,234 Wh at 87.5 EUR/MWh and 7,200 core-seconds → 107,975 + 10,000 = 117,975 µEUR.
/// </summary>
public sealed record HostTariff
{
    public static HostTariff Default { get; } = new();

    /// <summary>Fraction of the electricity cost reimbursed.</summary>
    public double ElectricityShare { get; init; } = 1.0;

    /// <summary>The host's fraction of the work's value.</summary>
    public double RevenueShare { get; init; } = 0.25;

    /// <summary>What a core-hour of work is worth (the customer price the revenue share applies to).</summary>
    public Eur WorkPricePerCoreHour { get; init; } = new(0.02);

    /// <summary>The price used for a zone that has no price at or before the epoch.</summary>
    public EurPerMwh FallbackPrice { get; init; } = new(100);

    /// <summary>The host payout for <paramref name="energyWh"/> and <paramref name="coreSeconds"/> at <paramref name="price"/>.</summary>
    public MicroEuros Payout(ulong energyWh, ulong coreSeconds, EurPerMwh price)
    {
        // Wh × EUR/MWh is µEUR exactly (1 Wh = 1e-6 MWh, 1 EUR = 1e6 µEUR).
        var electricity = energyWh * (decimal)Math.Max(price.Value, 0) * (decimal)ElectricityShare;
        var work = coreSeconds / 3600m * (decimal)WorkPricePerCoreHour.Value * 1_000_000m * (decimal)RevenueShare;
        return new MicroEuros((long)decimal.Round(electricity + work, MidpointRounding.AwayFromZero));
    }

    /// <summary>Throws when a parameter makes no sense (negative share, negative or non-finite price).</summary>
    public void Validate()
    {
        if (!double.IsFinite(ElectricityShare) || ElectricityShare < 0 || !double.IsFinite(RevenueShare) || RevenueShare is < 0 or > 1)
        {
            throw new ArgumentException($"Tariff shares must be finite, electricity ≥ 0 and revenue in 0..1 (got {ElectricityShare}, {RevenueShare}).");
        }

        if (!double.IsFinite(WorkPricePerCoreHour.Value) || WorkPricePerCoreHour.Value < 0 || !double.IsFinite(FallbackPrice.Value))
        {
            throw new ArgumentException($"Tariff prices must be finite and the work price ≥ 0 (got {WorkPricePerCoreHour}, {FallbackPrice}).");
        }
    }
}
