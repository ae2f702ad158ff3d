using GreenCompute.Core.Units;
using GreenCompute.Simulation.Data;

namespace GreenCompute.Simulation.Tests.Data;

public sealed class PriceSeriesTests
{
    private static readonly Lazy<PriceSeries> Real = new(() => PriceSeries.Load(TestData.File(PriceSeries.FileName)));

    [Fact]
    public void Load_RealFile_HasFourZonesOf1680Hours()
    {
        Assert.Equal(new[] { "BE", "DE", "FR", "NP" }, Real.Value.Zones);
        foreach (var zone in Real.Value.Zones)
        {
            Assert.Equal(1680, Real.Value.Hourly(zone).Count);
            Assert.Equal(TimeSpan.FromDays(70), Real.Value.Coverage(zone).Length);
        }
    }

    [Fact]
    public void PriceAt_FirstBelgianHour_Is70AtLocalMidnightConvertedToUtc()
    {
        var firstHour = new DateTimeOffset(2016, 10, 21, 23, 0, 0, TimeSpan.Zero);

        Assert.Equal(firstHour, Real.Value.Coverage("BE").Start);
        Assert.Equal(new EurPerMwh(70.0), Real.Value.PriceAt("BE", firstHour));
        Assert.Equal(new EurPerMwh(37.1), Real.Value.PriceAt("BE", firstHour.AddHours(1)));
    }

    [Fact]
    public void PriceAt_QuarterHours_HoldTheHourPrice()
    {
        var hour = new DateTimeOffset(2016, 10, 21, 23, 0, 0, TimeSpan.Zero);

        var quarters = Real.Value.Slots("BE", hour, TimeSpan.FromMinutes(15), 5);

        Assert.Equal(new[] { 70.0, 70.0, 70.0, 70.0, 37.1 }, quarters.Select(p => p.Value));
    }

    [Fact]
    public void Load_Germany_StartsAt2017AndHasNegativePrices()
    {
        var de = Real.Value.Hourly("DE");

        Assert.Equal(new DateTimeOffset(2017, 10, 21, 23, 0, 0, TimeSpan.Zero), de[0].Start);
        Assert.Equal(19.1, de[0].Price.Value);
        Assert.Equal(-83.04, de.Min(p => p.Price.Value));
        Assert.Equal(67, Real.Value.Zones.Sum(z => Real.Value.Hourly(z).Count(p => p.Price.Value < 0)));
    }

    [Fact]
    public void PriceAt_UnknownZone_NamesTheKnownZones()
    {
        var error = Assert.Throws<ArgumentException>(() => Real.Value.PriceAt("XX", DateTimeOffset.UnixEpoch));

        Assert.Contains("'XX'", error.Message, StringComparison.Ordinal);
        Assert.Contains("BE, DE, FR, NP", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PriceAt_OutsideCoverage_ThrowsNamingTheRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Real.Value.PriceAt("NP", new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Contains("2018-10-14 23:00Z", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadPrice_ReportsFileAndLine()
    {
        using var temp = new TempFolder();
        var file = temp.Write("p.csv", "unique_id,ds,y\nBE,2016-10-22 00:00:00,70.0\nBE,2016-10-22 01:00:00,abc\n");

        var error = Assert.Throws<DataFileException>(() => PriceSeries.Load(file));

        Assert.Equal(3, error.Line);
        Assert.StartsWith($"{file}:3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'abc'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingHour_ReportsTheGap()
    {
        using var temp = new TempFolder();
        var file = temp.Write("p.csv", "unique_id,ds,y\nDE,2017-10-22 00:00:00,1\nDE,2017-10-22 02:00:00,2\n");

        var error = Assert.Throws<DataFileException>(() => PriceSeries.Load(file));

        Assert.Equal(3, error.Line);
        Assert.Contains("expected the hour 2017-10-22 01:00:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_NamesTheFileAndTheDataOption()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, PriceSeries.FileName);

        var error = Assert.Throws<DataFileException>(() => PriceSeries.Load(file));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("--data", error.Message, StringComparison.Ordinal);
    }
}
