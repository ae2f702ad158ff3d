using GreenCompute.Simulation.Data;

namespace GreenCompute.Simulation.Tests.Data;

public sealed class WeatherSeriesTests
{
    private static readonly Lazy<WeatherSeries> Nsrdb = new(() => WeatherSeries.LoadNsrdb(TestData.File(WeatherSeries.NsrdbFileName)));

    [Fact]
    public void LoadNsrdb_RealFile_HasAYearFromLocalMidnightAtUtcMinus7()
    {
        Assert.Equal(8760, Nsrdb.Value.Hours);
        Assert.Equal(new DateTimeOffset(2017, 1, 1, 7, 0, 0, TimeSpan.Zero), Nsrdb.Value.Coverage.Start);
        Assert.Equal(-8.4, Nsrdb.Value.OutdoorAt(new DateTimeOffset(2017, 1, 1, 7, 0, 0, TimeSpan.Zero)).Value, 9);
        Assert.Equal(-27.7, Nsrdb.Value.MinTemperature.Value, 9);
        Assert.Equal(35.0, Nsrdb.Value.MaxTemperature.Value, 9);
        Assert.False(Nsrdb.Value.IsCyclic);
    }

    [Fact]
    public void OutdoorAt_BetweenHours_InterpolatesLinearly()
    {
        var t = new DateTimeOffset(2017, 1, 1, 7, 0, 0, TimeSpan.Zero);

        Assert.Equal(-8.7, Nsrdb.Value.OutdoorAt(t.AddMinutes(30)).Value, 9);
        Assert.Equal(-8.4 + (0.25 * -0.6), Nsrdb.Value.OutdoorAt(t.AddMinutes(15)).Value, 9);
    }

    [Fact]
    public void OutdoorAt_OutsideNsrdbYear_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => Nsrdb.Value.OutdoorAt(new DateTimeOffset(2017, 1, 1, 6, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void WithClockShift_MinusEightHours_PutsColoradoMidnightOnCetMidnight()
    {
        var shifted = Nsrdb.Value.WithClockShift(TimeSpan.FromHours(-8));

        // 2017-01-01 00:00 CET = 2016-12-31 23:00Z reads the first NSRDB row (00:00 local at the site).
        Assert.Equal(-8.4, shifted.OutdoorAt(new DateTimeOffset(2016, 12, 31, 23, 0, 0, TimeSpan.Zero)).Value, 9);
    }

    [Fact]
    public void LoadPvgisTmy_MappedOnto2017_IsACyclicYear()
    {
        var tmy = WeatherSeries.LoadPvgisTmy(TestData.File(WeatherSeries.PvgisFileName), 2017);
        var newYear = new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(8760, tmy.Hours);
        Assert.True(tmy.IsCyclic);
        Assert.Equal(2.04, tmy.OutdoorAt(newYear).Value, 9);
        Assert.Equal(2.1, tmy.OutdoorAt(newYear.AddHours(8759)).Value, 9);
        Assert.Equal(2.04, tmy.OutdoorAt(newYear.AddYears(1)).Value, 9);
        Assert.Equal((2.1 + 2.04) / 2, tmy.OutdoorAt(newYear.AddHours(8759.5)).Value, 9);
        Assert.Equal(-2.34, tmy.MinTemperature.Value, 9);
    }

    [Fact]
    public void LoadPvgisTmy_LeapYear_RepeatsFebruary28()
    {
        var tmy = WeatherSeries.LoadPvgisTmy(TestData.File(WeatherSeries.PvgisFileName), 2016);
        var feb28Noon = new DateTimeOffset(2016, 2, 28, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(8784, tmy.Hours);
        Assert.Equal(tmy.OutdoorAt(feb28Noon), tmy.OutdoorAt(feb28Noon.AddDays(1)));
        Assert.Equal(tmy.GhiAt(feb28Noon), tmy.GhiAt(feb28Noon.AddDays(1)));
    }

    [Fact]
    public void GhiAt_Noon_IsPositiveAndNightIsZero()
    {
        // 19:00Z = 12:00 local at the Colorado site in June.
        Assert.True(Nsrdb.Value.GhiAt(new DateTimeOffset(2017, 6, 21, 19, 0, 0, TimeSpan.Zero)) > 500);
        Assert.Equal(0.0, Nsrdb.Value.GhiAt(new DateTimeOffset(2017, 6, 21, 9, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void LoadNsrdb_BadTemperature_ReportsFileAndLine()
    {
        using var temp = new TempFolder();
        var file = temp.Write(
            "w.csv",
            "timestamp_utc_minus7,temp_air_c,ghi_w_m2,wind_speed_m_s\n2017-01-01T00:00:00,-8.4,0.0,0.3\n2017-01-01T01:00:00,x,0.0,0.8\n");

        var error = Assert.Throws<DataFileException>(() => WeatherSeries.LoadNsrdb(file));

        Assert.Equal(3, error.Line);
        Assert.StartsWith($"{file}:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadPvgisTmy_WrongHeader_ReportsLineOne()
    {
        using var temp = new TempFolder();
        var file = temp.Write("w.csv", "time,temp\n");

        var error = Assert.Throws<DataFileException>(() => WeatherSeries.LoadPvgisTmy(file, 2017));

        Assert.Equal(1, error.Line);
        Assert.Contains("timestamp_utc_source_year", error.Message, StringComparison.Ordinal);
    }
}
