using GreenCompute.Core.Units;
using GreenCompute.Simulation.Data;

namespace GreenCompute.SchedulingBench.Setup;

/// <summary>
/// What an online scheduler knows of prices (notes §5.1): day-ahead prices for local day D+1 are published at 13:00
/// local standard time on day D, so at any moment prices are known to the end of today, or of tomorrow after the
/// gate. Beyond that the forecast repeats the last known day (persistence). With <c>perfect</c> every price is known.
/// </summary>
internal sealed class PriceForecast(PriceSeries prices, string zone, bool perfect = false)
{
    public const int GateHour = 13;

    private readonly TimeSpan _offset = PriceSeries.StandardOffset(zone);
    private readonly TimeRange _coverage = prices.Coverage(zone);

    public string Zone { get; } = zone;

    /// <summary>The real price of the hour holding <paramref name="instant"/> (what is paid).</summary>
    public EurPerMwh Actual(DateTimeOffset instant) => prices.PriceAt(Zone, Clamp(instant));

    /// <summary>The price of <paramref name="at"/> as known at <paramref name="now"/>.</summary>
    public EurPerMwh Forecast(DateTimeOffset now, DateTimeOffset at)
    {
        var known = perfect ? _coverage.End : KnownUntil(now);
        if (known > _coverage.End)
        {
            known = _coverage.End;
        }

        if (at < known)
        {
            return Actual(at);
        }

        // Persistence: the same hour on the last known day.
        var days = Math.Floor((at - known).TotalDays) + 1;
        return Actual(at.AddDays(-days));
    }

    /// <summary>The end of the last published local day at <paramref name="now"/>.</summary>
    public DateTimeOffset KnownUntil(DateTimeOffset now)
    {
        var local = now.ToOffset(_offset);
        var midnight = new DateTimeOffset(local.Date, _offset);
        return midnight.AddDays(local.Hour >= GateHour ? 2 : 1);
    }

    private DateTimeOffset Clamp(DateTimeOffset instant) =>
        instant < _coverage.Start ? _coverage.Start : instant >= _coverage.End ? _coverage.End.AddHours(-1) : instant;
}
