using GreenCompute.SchedulingBench.Setup;

namespace GreenCompute.SchedulingBench.Tests.Setup;

public class PriceForecastTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);

    [Fact]
    public void KnownUntil_OpensTomorrowAtTheDayAheadGate()
    {
        var forecast = new PriceForecast(BenchFixture.Data.Prices, "DE");
        var day = new DateTimeOffset(2017, 10, 24, 0, 0, 0, Cet);

        Assert.Equal(day.AddDays(1), forecast.KnownUntil(day.AddHours(12).AddMinutes(59)));
        Assert.Equal(day.AddDays(2), forecast.KnownUntil(day.AddHours(13)));
    }

    [Fact]
    public void Forecast_IsExactWhenPublished_AndRepeatsTheLastKnownDayBeyond()
    {
        var forecast = new PriceForecast(BenchFixture.Data.Prices, "DE");
        var now = new DateTimeOffset(2017, 10, 24, 9, 0, 0, Cet); // before the gate: known until 25 Oct 00:00
        var lastKnownFive = new DateTimeOffset(2017, 10, 24, 5, 0, 0, Cet);

        Assert.Equal(forecast.Actual(now.AddHours(5)), forecast.Forecast(now, now.AddHours(5)));
        Assert.Equal(forecast.Actual(lastKnownFive), forecast.Forecast(now, lastKnownFive.AddDays(1)));
        Assert.Equal(forecast.Actual(lastKnownFive), forecast.Forecast(now, lastKnownFive.AddDays(3)));
        Assert.NotEqual(forecast.Actual(lastKnownFive.AddDays(1)), forecast.Forecast(now, lastKnownFive.AddDays(1)));
        Assert.Equal(forecast.Actual(now.AddHours(44)), new PriceForecast(BenchFixture.Data.Prices, "DE", perfect: true).Forecast(now, now.AddHours(44)));
    }
}
