using GreenCompute.Core.Comfort;
using GreenCompute.Core.Model;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Thermal;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Tests.Planning;

/// <summary>A winter Monday in CET for one room: price curves, outdoor forecast, bands and an independent simulator.</summary>
internal static class PlanScenario
{
    public static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    public static readonly PlanningHorizon Day = PlanningHorizon.Default(new DateTimeOffset(2026, 1, 5, 0, 0, 0, Cet));
    public static readonly RoomThermalModel RoomModel = new(new WattsPerKelvin(35), new WattHoursPerKelvin(1200));
    public static readonly HeaterSpec Heater = new(Cores: 8, IdlePower: new Watts(40), MaxPower: new Watts(1000));

    /// <summary>Cheap night, morning shoulder, flat day, an evening peak 17:00–20:00, then a late shoulder (EUR/MWh).</summary>
    public static EurPerMwh[] EveningPeak() => PerSlot(hour => hour switch
    {
        < 6 => 40,
        < 9 => 90,
        < 17 => 60,
        < 20 => 250,
        _ => 80,
    }).Select(p => new EurPerMwh(p)).ToArray();

    /// <summary>−2 °C before dawn to 6 °C mid-afternoon.</summary>
    public static Celsius[] WinterOutdoor() => PerSlot(hour => 2 + (4 * Math.Sin(2 * Math.PI * (hour - 9) / 24))).Select(t => new Celsius(t)).ToArray();

    public static Celsius[] Constant(double celsius) => PerSlot(_ => celsius).Select(t => new Celsius(t)).ToArray();

    public static EurPerMwh[] Flat(double price) => PerSlot(_ => price).Select(p => new EurPerMwh(p)).ToArray();

    public static ComfortBand[] DefaultBands() => [.. ComfortSchedule.Default(Cet).BandsFor(Day)];

    public static ComfortBand[] Band(double min, double max, int count = 96) =>
        Enumerable.Repeat(new ComfortBand(new Celsius(min), new Celsius(max)), count).ToArray();

    /// <summary>Boundary temperatures (index 0 = start) for the given powers, straight from the model.</summary>
    public static double[] Simulate(RoomThermalModel model, PlanningHorizon horizon, double start, IReadOnlyList<double> power, IReadOnlyList<Celsius> outdoor)
    {
        var temperature = new double[power.Count + 1];
        temperature[0] = start;
        for (var k = 0; k < power.Count; k++)
        {
            temperature[k + 1] = model.Step(new Celsius(temperature[k]), outdoor[k], new Watts(power[k]), horizon.SlotLength).Value;
        }

        return temperature;
    }

    public static double Cost(PlanningHorizon horizon, IReadOnlyList<double> power, IReadOnlyList<EurPerMwh> prices)
    {
        var cost = 0.0;
        for (var k = 0; k < power.Count; k++)
        {
            cost += (new Watts(power[k]) * horizon.SlotLength * prices[k]).Value;
        }

        return cost;
    }

    public static double[] Powers(PowerPlan plan) => plan.Slots.Select(s => s.Power.Value).ToArray();

    /// <summary>Asserts every boundary is within both neighbouring bands (minimum plus margin, maximum).</summary>
    public static void AssertInBand(double[] temperature, IReadOnlyList<ComfortBand> bands, double margin)
    {
        for (var j = 1; j < temperature.Length; j++)
        {
            var before = bands[j - 1];
            var after = j < bands.Count ? bands[j] : before;
            var min = Math.Max(before.Min.Value, after.Min.Value) + margin;
            var max = Math.Min(before.Max.Value, after.Max.Value);
            Assert.True(temperature[j] >= min - 1e-6, $"boundary {j}: {temperature[j]:0.000} °C below {min:0.000} °C");
            Assert.True(temperature[j] <= max + 1e-6, $"boundary {j}: {temperature[j]:0.000} °C above {max:0.000} °C");
        }
    }

    private static double[] PerSlot(Func<double, double> byHour) =>
        Enumerable.Range(0, Day.SlotCount).Select(k => byHour(k * Day.SlotLength.TotalHours)).ToArray();
}
