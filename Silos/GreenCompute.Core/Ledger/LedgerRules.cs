using GreenCompute.Core.Units;

namespace GreenCompute.Core.Ledger;

/// <summary>The ledger's accounting rules: epoch length, grace before closing, and what a plausible receipt is.</summary>
public sealed record LedgerRules
{
    public static LedgerRules Default { get; } = new();

    public EpochClock Clock { get; init; } = EpochClock.Hourly;

    /// <summary>An epoch closes this long after its end, so receipts still in transit are counted in it.</summary>
    public TimeSpan CloseGrace { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A receipt time-stamped further ahead of the ledger's clock is refused.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A counter step implying more average power than this since the previous reading is refused.</summary>
    public Watts MaxPlausiblePower { get; init; } = new(5000);

    /// <summary>How many recent task keys per node are remembered to refuse a completion reported twice.</summary>
    public int RememberedTasksPerNode { get; init; } = 512;
}
