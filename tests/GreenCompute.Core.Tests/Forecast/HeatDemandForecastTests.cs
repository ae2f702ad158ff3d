using GreenCompute.Core.Comfort;
using GreenCompute.Core.Forecast;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Thermal;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Tests.Forecast;

public class HeatDemandForecastTests
{
    private static readonly RoomThermalModel Room = new(new WattsPerKelvin(40), new WattHoursPerKelvin(1500));
    private static readonly PlanningHorizon Horizon = PlanningHorizon.Default(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));
    private static readonly ComfortBand Band = new(new Celsius(20), new Celsius(22));

    [Fact]
    public void Forecast_SteadyCold_EqualsHeatLossAtBandMinimumPlusMargin()
    {
        var demand = HeatDemandForecast.Forecast(Room, Horizon, Bands(Band), Outdoor(0));

        // 40 W/K × (20 °C + 0.2 K margin − 0 °C) = 808 W for 24 h.
        Assert.All(demand.PerSlot, p => Assert.Equal(808, p.Value, 6));
        Assert.Equal(808 * 24, demand.Total.Value, 4);
        Assert.Equal(808, demand.Peak.Value, 6);
    }

    [Fact]
    public void Forecast_Summer_IsZero()
    {
        var demand = HeatDemandForecast.Forecast(Room, Horizon, Bands(Band), Outdoor(24), new Celsius(23));

        Assert.All(demand.PerSlot, p => Assert.Equal(0, p.Value));
        Assert.Equal(0, demand.Total.Value);
    }

    [Fact]
    public void Forecast_WarmStart_CoastsBeforeDemandBegins()
    {
        var demand = HeatDemandForecast.Forecast(Room, Horizon, Bands(Band), Outdoor(0), new Celsius(22));

        Assert.Equal(0, demand.PerSlot[0].Value);
        Assert.True(demand.PerSlot[^1].Value > 800);
        Assert.True(demand.Total.Value < 808 * 24);
    }

    [Fact]
    public void Forecast_ColdStart_IncludesRecoveryHeat()
    {
        var steady = HeatDemandForecast.Forecast(Room, Horizon, Bands(Band), Outdoor(0));
        var cold = HeatDemandForecast.Forecast(Room, Horizon, Bands(Band), Outdoor(0), new Celsius(16));

        // Recovery from 16 to 20.2 °C stores C × 4.2 K = 6.3 kWh, less the loss saved while the room is still cold
        // (one 15-min slot at most 4.2 K below target: < 40 W/K × 4.2 K × 0.25 h = 42 Wh).
        var extra = cold.Total.Value - steady.Total.Value;
        Assert.InRange(extra, (1500 * 4.2) - 42, 1500 * 4.2);
        Assert.True(cold.PerSlot[0].Value > 20_000);
    }

    private static ComfortBand[] Bands(ComfortBand band) => Enumerable.Repeat(band, Horizon.SlotCount).ToArray();

    private static Celsius[] Outdoor(double celsius) => Enumerable.Repeat(new Celsius(celsius), Horizon.SlotCount).ToArray();
}
