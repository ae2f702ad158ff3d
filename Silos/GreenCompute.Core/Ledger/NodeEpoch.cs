namespace GreenCompute.Core.Ledger;

/// <summary>
/// One node's accumulator in an open epoch. Within one device stream energy telescopes: <c>EnergyWh = Closing.CounterWh − Baseline.CounterWh</c>,
/// where the baseline is the last reading before the epoch's first credited interval; a counter step belongs to the
/// epoch of the reading that closes it, and counts as useful heat when that reading says the room wanted heat.
/// </summary>
public sealed class NodeEpoch
{
    public string Device { get; set; } = string.Empty;

    public string PayoutAccount { get; set; } = string.Empty;

    public string PriceZone { get; set; } = string.Empty;

    public ulong EnergyWh { get; set; }

    public ulong UsefulHeatWh { get; set; }

    public ulong CoreSeconds { get; set; }

    public ulong Tasks { get; set; }

    public int Readings { get; set; }

    public SignedMeterReading? Baseline { get; set; }

    public SignedMeterReading? Closing { get; set; }

    public List<SignedTaskCompletion> Completions { get; set; } = [];
}
