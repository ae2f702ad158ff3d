using System.Numerics;
using GreenCompute.Core.Ledger;
using GreenCompute.Grains.Ledger.Receipts;

namespace GreenCompute.Grains.Ledger;

/// <summary>Ledger grain settings: accounting rules, tariff, the receipts' signing domain, and the outbox's pace.</summary>
public sealed record LedgerOptions
{
    public LedgerRules Rules { get; init; } = LedgerRules.Default;

    public HostTariff Tariff { get; init; } = HostTariff.Default;

    /// <summary>The EIP-712 domain devices sign in: chain id and ledger address (see <see cref="LedgerGrains.DomainForChainAsync"/>).</summary>
    public ReceiptDomain Domain { get; init; } = ReceiptDomain.Local;

    /// <summary>GreenCredit has 18 decimals and one GCR stands for one euro: 1 µEUR = 10^12 base units.</summary>
    public BigInteger TokenUnitsPerMicroEuro { get; init; } = BigInteger.Pow(10, 12);

    /// <summary>Run <see cref="TickPeriod"/> ticks from a grain timer (close due epochs, retry the outbox). Tests turn it off and call the grain.</summary>
    public bool AutoTick { get; init; } = true;

    /// <summary>How often due epochs are closed and the outbox is retried.</summary>
    public TimeSpan TickPeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A commit transaction pending this long (ledger clock) is sent again; the contract takes the first that lands.</summary>
    public TimeSpan ResendAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How many recently committed epochs the status lists (all of them stay in their epoch grains).</summary>
    public int RecentCommits { get; init; } = 24;

    internal void Validate()
    {
        Tariff.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TickPeriod, TimeSpan.Zero, nameof(TickPeriod));
        ArgumentOutOfRangeException.ThrowIfLessThan(ResendAfter, TimeSpan.Zero, nameof(ResendAfter));
        ArgumentOutOfRangeException.ThrowIfLessThan(RecentCommits, 0, nameof(RecentCommits));
        if (TokenUnitsPerMicroEuro.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TokenUnitsPerMicroEuro), TokenUnitsPerMicroEuro, "Must be positive.");
        }
    }
}
