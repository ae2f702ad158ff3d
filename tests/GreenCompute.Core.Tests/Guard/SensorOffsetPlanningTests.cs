using GreenCompute.Core.Comfort;
using GreenCompute.Core.Model;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Thermal;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Tests.Guard;

public class SensorOffsetPlanningTests
{
    private static readonly HeaterSpec Heater = new(16, new Watts(80), new Watts(1000));

    [Fact]
    public void Plan_WithSensorOffset_KeepsTheSensorReadingBelowTheBandMaximum()
    {
        const double k = 0.003; // 3 K per kW, as in the ISO 13790 office room
        var horizon = PlanningHorizon.Default(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));
        var bands = Enumerable.Repeat(new ComfortBand(new Celsius(20), new Celsius(23)), horizon.SlotCount).ToArray();
        var outdoor = Enumerable.Repeat(new Celsius(5), horizon.SlotCount).ToArray();
        // Cheap at night, a steep evening peak: the plain plan pre-heats at full power right up to the maximum.
        var prices = Enumerable.Range(0, horizon.SlotCount).Select(i => new EurPerMwh(i is >= 68 and < 80 ? 300 : i < 24 ? 10 : 60)).ToArray();

        var plain = PowerPlanner.Plan("n", horizon, RoomThermalModel.Default, new Celsius(20.5), bands, outdoor, prices, Heater);
        var aware = PowerPlanner.Plan("n", horizon, RoomThermalModel.Default, new Celsius(20.5), bands, outdoor, prices, Heater, sensorOffsetKelvinPerWatt: k);

        static double WorstSensor(PowerPlan p) => p.Slots.Max(s => s.PredictedTemperature.Value + (k * s.Power.Value));
        Assert.True(WorstSensor(plain) > 23.1, $"the plain plan should overshoot on the sensor, worst {WorstSensor(plain):0.00} °C");
        Assert.True(aware.Feasible);
        Assert.True(WorstSensor(aware) <= 23.0 + 1e-3, $"sensor reads up to {WorstSensor(aware):0.00} °C");
        Assert.All(aware.Slots, s => Assert.True(s.PredictedTemperature.Value >= 20.0 - 1e-6));
    }

    [Fact]
    public void Plan_WhenTheOffsetLimitWouldBreakTheMinimum_KeepsTheRoomWarm()
    {
        // 0 °C outside needs ~850 W, which lifts the sensor 2.5 K: above a 20–21 °C band whatever the plan does.
        // Holding the sensor below 21 °C would let the room fall below 20 °C, so warmth wins.
        var horizon = new PlanningHorizon(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(15), 16);
        var bands = Enumerable.Repeat(new ComfortBand(new Celsius(20), new Celsius(21)), 16).ToArray();
        var outdoor = Enumerable.Repeat(new Celsius(0), 16).ToArray();
        var prices = Enumerable.Repeat(new EurPerMwh(50), 16).ToArray();

        var plan = PowerPlanner.Plan("n", horizon, RoomThermalModel.Default, new Celsius(20.5), bands, outdoor, prices, Heater, sensorOffsetKelvinPerWatt: 0.003);

        Assert.True(plan.Feasible);
        Assert.All(plan.Slots, s => Assert.True(s.PredictedTemperature.Value >= 20.2 - 1e-6, $"room at {s.PredictedTemperature}"));
        Assert.Contains(plan.Slots, s => s.PredictedTemperature.Value + (0.003 * s.Power.Value) > 21);
    }
}
