using GreenCompute.Influx.TimeSeries;

namespace GreenCompute.Influx.Tests.TimeSeries;

public sealed class TimeSeriesInfluxQlTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 30, TimeSpan.Zero);

    [Fact]
    public void Build_DailySumPerRoom_GroupsByTimeAndTagWithWidenedWindow()
    {
        var query = new TimeSeriesQuery
        {
            Measurement = "heater",
            Field = "energy_wh",
            From = Start,
            To = Start.AddDays(7),
            Tags = new Dictionary<string, string> { ["site"] = "o'clock" },
            Resolution = TimeSpan.FromDays(1),
            Aggregation = TimeSeriesAggregation.Sum,
            GroupByTag = "room",
        };

        Assert.Equal(
            "SELECT sum(\"energy_wh\") FROM \"week\".\"heater\" WHERE time >= 1772323200000000000 AND time < 1773014400000000000 " +
            "AND \"site\" = 'o\\'clock' GROUP BY time(1d), \"room\" fill(none)",
            TimeSeriesInfluxQl.Build(query, "week"));
    }

    [Fact]
    public void Build_RawPoints_SelectsTheFieldWithTheExactWindow()
    {
        var query = new TimeSeriesQuery { Measurement = "t", Field = "v", From = Start, To = Start.AddHours(1) };

        Assert.Equal(
            "SELECT \"v\" FROM \"t\" WHERE time >= 1772323230000000000 AND time < 1772326830000000000",
            TimeSeriesInfluxQl.Build(query, null));
    }

    [Theory]
    [InlineData(86_400, "1d")]
    [InlineData(7_200, "2h")]
    [InlineData(5_400, "90m")]
    [InlineData(45, "45s")]
    public void Duration_Seconds_UsesTheLargestExactUnit(int seconds, string expected) =>
        Assert.Equal(expected, TimeSeriesInfluxQl.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Build_FractionalSecondResolution_IsRefused() =>
        Assert.Throws<ArgumentException>(() => TimeSeriesInfluxQl.Build(
            new TimeSeriesQuery { Measurement = "t", Field = "v", From = Start, To = Start.AddHours(1), Resolution = TimeSpan.FromMilliseconds(1500) },
            null));
}
