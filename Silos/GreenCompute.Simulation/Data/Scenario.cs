namespace GreenCompute.Simulation.Data;

/// <summary>
/// What to simulate: a window of time, the price zone and the weather file. The defaults follow the data README's
/// pairing: DE prices (2017-10-22…12-30) with the NSRDB weather of the same dates; BE, FR and NP with the PVGIS
/// typical year.
/// </summary>
public sealed record Scenario(DateTimeOffset Start, TimeSpan Length, string PriceZone, WeatherSource Weather)
{
    /// <summary>Each market's 70 heating-season days in the EPF file.</summary>
    public static readonly TimeSpan MarketWindow = TimeSpan.FromDays(70);

    /// <summary>
    /// When true (default), the NSRDB readings are moved from the Colorado site's local clock (UTC−7) onto the
    /// market's clock (CET), so that night-time cold and midday sun fall on the market's night and midday.
    /// The PVGIS site (8° E) is already within half an hour of CET solar time and is not moved.
    /// </summary>
    public bool AlignWeatherToMarketClock { get; init; } = true;

    /// <summary>The realistic default: DE 2017 prices with NSRDB 2017 weather.</summary>
    public static Scenario Default => ForZone("DE");

    public DateTimeOffset End => Start + Length;

    /// <summary>The shift applied to the weather readings (see <see cref="WeatherSeries.ClockShift"/>).</summary>
    public TimeSpan WeatherClockShift =>
        Weather == WeatherSource.Nsrdb && AlignWeatherToMarketClock
            ? WeatherSeries.NsrdbOffset - PriceSeries.StandardOffset(PriceZone)
            : TimeSpan.Zero;

    /// <summary>The calendar year the typical-year weather is mapped onto: the market-local year of the start.</summary>
    public int TypicalYear => Start.ToOffset(PriceSeries.StandardOffset(PriceZone)).Year;

    /// <summary>The full EPF window of <paramref name="zone"/> with its paired weather.</summary>
    public static Scenario ForZone(string zone)
    {
        var offset = PriceSeries.StandardOffset(zone);
        return zone switch
        {
            "DE" => new Scenario(new DateTimeOffset(2017, 10, 22, 0, 0, 0, offset).ToUniversalTime(), MarketWindow, zone, WeatherSource.Nsrdb),
            "NP" => new Scenario(new DateTimeOffset(2018, 10, 15, 0, 0, 0, offset).ToUniversalTime(), MarketWindow, zone, WeatherSource.PvgisTmy),
            _ => new Scenario(new DateTimeOffset(2016, 10, 22, 0, 0, 0, offset).ToUniversalTime(), MarketWindow, zone, WeatherSource.PvgisTmy),
        };
    }
}
