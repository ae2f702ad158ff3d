using GreenCompute.Core.Forecast;
using GreenCompute.Core.Model;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;
using static GreenCompute.Core.Tests.Planning.PlanScenario;

namespace GreenCompute.Core.Tests.Planning;

public class PowerPlannerTests
{
    private const double Margin = 0.2;

    [Fact]
    public void Plan_WinterDayWithDefaultSchedule_KeepsRoomInBand()
    {
        var bands = DefaultBands();
        var outdoor = WinterOutdoor();

        // From 20 °C at midnight the 1 kW heater can still have the room at 20.2 °C by 07:00 (from 18.5 °C it could not).
        var plan = PowerPlanner.Plan("node-1", Day, RoomModel, new Celsius(20), bands, outdoor, EveningPeak(), Heater);

        Assert.True(plan.Feasible, plan.Infeasibility);
        Assert.Null(plan.Infeasibility);
        Assert.Equal("node-1", plan.NodeId);
        var simulated = Simulate(RoomModel, Day, 20, Powers(plan), outdoor);
        AssertInBand(simulated, bands, Margin);
        for (var k = 0; k < plan.Slots.Length; k++)
        {
            Assert.Equal(simulated[k + 1], plan.Slots[k].PredictedTemperature.Value, 6);
        }

        // The 07:00 comfort period is met by heating the room beforehand, on cheap night power.
        Assert.True(simulated[28] >= 20.2 - 1e-6);
        Assert.True(simulated[24] > 20.2);
        Assert.Equal(ReasonCode.PreheatingBeforePeak, plan.Slots[10].Reason.Code);
    }

    [Fact]
    public void Plan_EveningPeak_PreheatsAndCoastsThroughThePeak()
    {
        var bands = Band(20, 22);
        var outdoor = WinterOutdoor();

        var plan = PowerPlanner.Plan("node-1", Day, RoomModel, new Celsius(20.5), bands, outdoor, EveningPeak(), Heater);

        var power = Powers(plan);
        var beforePeak = power[60..68].Average();   // 15:00–17:00
        var duringPeak = power[68..80].Average();   // 17:00–20:00
        Assert.True(beforePeak > 2 * duringPeak, $"before {beforePeak:0} W, during {duringPeak:0} W");
        Assert.Equal(ReasonCode.PreheatingBeforePeak, plan.Slots[67].Reason.Code);
        Assert.Equal("preheating before 17:00 peak", plan.Slots[67].Reason.Text);
        Assert.Equal(ReasonCode.PriceAboveplanCoasting, plan.Slots[68].Reason.Code);
        Assert.True(plan.Slots[67].PredictedTemperature.Value > 21.5);
    }

    [Fact]
    public void Plan_EveningPeak_CheaperThanHoldingAndThanThermostat()
    {
        var bands = Band(20, 22);
        var outdoor = WinterOutdoor();
        var prices = EveningPeak();

        var plan = PowerPlanner.Plan("node-1", Day, RoomModel, new Celsius(20.5), bands, outdoor, prices, Heater);

        // Holding the band minimum exactly: the least energy, but blind to price.
        var hold = HeatDemandForecast.Forecast(RoomModel, Day, bands, outdoor, new Celsius(20.5)).PerSlot.Select(p => p.Value).ToArray();
        AssertInBand(Simulate(RoomModel, Day, 20.5, hold, outdoor), bands, Margin);

        // A bang-bang thermostat per slot: full power when the room is below 20.5 °C.
        var thermostat = new double[Day.SlotCount];
        var room = 20.5;
        for (var k = 0; k < thermostat.Length; k++)
        {
            thermostat[k] = room < 20.5 ? Heater.MaxPower.Value : 0;
            room = RoomModel.Step(new Celsius(room), outdoor[k], new Watts(thermostat[k]), Day.SlotLength).Value;
        }

        AssertInBand(Simulate(RoomModel, Day, 20.5, thermostat, outdoor), bands, Margin);
        var planned = plan.TotalCost.Value;
        Assert.Equal(Cost(Day, Powers(plan), prices), planned, 9);
        Assert.True(planned < 0.97 * Cost(Day, hold, prices), $"plan {planned:0.0000} vs hold {Cost(Day, hold, prices):0.0000} EUR");
        Assert.True(planned < 0.97 * Cost(Day, thermostat, prices), $"plan {planned:0.0000} vs thermostat {Cost(Day, thermostat, prices):0.0000} EUR");
    }

    [Fact]
    public void Plan_HeaterTooSmallAtMinus25_ReportsInfeasibleAndRunsFlatOut()
    {
        var small = new HeaterSpec(4, new Watts(30), new Watts(500));

        var plan = PowerPlanner.Plan("node-1", Day, RoomModel, new Celsius(20.5), Band(20, 22), Constant(-25), Flat(60), small);

        // Holding 20.2 °C at −25 °C needs 35 W/K × 45.2 K = 1582 W; the room settles at −25 + 500/35 = −10.7 °C.
        // From 20.5 °C it first drops below 20.2 °C during the second slot.
        Assert.False(plan.Feasible);
        Assert.NotNull(plan.Infeasibility);
        Assert.Contains("Comfort band cannot be held from Mon 00:30 to Tue 00:00", plan.Infeasibility);
        Assert.Contains("at full power (500 W)", plan.Infeasibility);
        Assert.Contains("-25.0 °C outside", plan.Infeasibility);
        Assert.All(plan.Slots, s => Assert.Equal(500, s.Power.Value, 9));
        Assert.All(plan.Slots, s => Assert.Equal(ReasonCode.Infeasible, s.Reason.Code));
        Assert.Equal("band cannot be held: heater at maximum", plan.Slots[10].Reason.Text);
    }

    [Fact]
    public void Plan_ColdStart_ShortOnlyUntilRecoveredThenHolds()
    {
        var big = new HeaterSpec(16, new Watts(60), new Watts(3000));

        var plan = PowerPlanner.Plan("node-1", Day, RoomModel, new Celsius(12), Band(20, 22), Constant(0), Flat(60), big);

        Assert.False(plan.Feasible);
        Assert.Contains("from Mon 00:15 to Mon 0", plan.Infeasibility);
        Assert.Equal(3000, plan.Slots[0].Power.Value, 9);
        Assert.Equal(ReasonCode.Infeasible, plan.Slots[0].Reason.Code);
        var recovered = plan.Slots.ToList().FindIndex(s => s.PredictedTemperature.Value >= 20.2 - 1e-6);
        Assert.InRange(recovered, 8, 30);
        Assert.All(plan.Slots.Skip(recovered + 1), s => Assert.InRange(s.PredictedTemperature.Value, 20.2 - 1e-6, 22));
        Assert.Equal(ReasonCode.PlannedHeat, plan.Slots[^1].Reason.Code);
    }

    [Fact]
    public void Plan_PowerCap_IsNeverExceededAndNamedWhenItBinds()
    {
        var plan = PowerPlanner.Plan("node-1", Day, RoomModel, new Celsius(20.5), Band(20, 22), Constant(-5), Flat(60), Heater, new Watts(600));

        Assert.All(plan.Slots, s => Assert.True(s.Power.Value <= 600 + 1e-9));
        Assert.False(plan.Feasible);
        Assert.Contains("at its power cap (600 W)", plan.Infeasibility);
        Assert.Contains(plan.Slots, s => s.Reason.Code == ReasonCode.Infeasible && s.Reason.Text.Contains("power cap", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_RandomDays_NeverAboveMaxPowerOrCapAndInBandWhenFeasible()
    {
        var random = new Random(42);
        var feasibleSeen = 0;
        for (var instance = 0; instance < 150; instance++)
        {
            var heater = new HeaterSpec(8, new Watts(40), new Watts(200 + (1800 * random.NextDouble())));
            Watts? cap = random.NextDouble() < 0.3 ? new Watts(100 + (900 * random.NextDouble())) : null;
            var baseOutdoor = -15 + (35 * random.NextDouble());
            var outdoor = Enumerable.Range(0, 96).Select(_ => new Celsius(baseOutdoor + (3 * random.NextDouble()))).ToArray();
            var prices = Enumerable.Range(0, 96).Select(_ => new EurPerMwh(-30 + (330 * random.NextDouble()))).ToArray();
            var bands = DefaultBands();
            var start = 15 + (8 * random.NextDouble());

            var plan = PowerPlanner.Plan($"n{instance}", Day, RoomModel, new Celsius(start), bands, outdoor, prices, heater, cap);

            var limit = Math.Min(heater.MaxPower.Value, cap?.Value ?? double.PositiveInfinity);
            Assert.All(plan.Slots, s => Assert.InRange(s.Power.Value, 0, limit + 1e-9));
            Assert.Equal(plan.Feasible, plan.Infeasibility is null);
            if (plan.Feasible && start >= 17.2)
            {
                feasibleSeen++;
                var simulated = Simulate(RoomModel, Day, start, Powers(plan), outdoor);
                var unheated = Simulate(RoomModel, Day, start, new double[96], outdoor);
                for (var j = 1; j <= 96; j++)
                {
                    // A heater cannot cool: above the band only where the room would be at least as warm unheated.
                    var before = bands[j - 1];
                    var after = j < 96 ? bands[j] : before;
                    Assert.True(simulated[j] >= Math.Max(before.Min.Value, after.Min.Value) + Margin - 1e-6, $"instance {instance}, boundary {j} too cold");
                    Assert.True(simulated[j] <= Math.Max(Math.Min(before.Max.Value, after.Max.Value), unheated[j]) + 1e-6, $"instance {instance}, boundary {j} too warm");
                }
            }
        }

        Assert.True(feasibleSeen > 30, $"only {feasibleSeen} feasible instances");
    }

    [Fact]
    public void Plan_Summer_StaysOffWithNoHeatNeeded()
    {
        var plan = PowerPlanner.Plan("node-1", Day, RoomModel, new Celsius(23), DefaultBands(), Constant(26), Flat(60), Heater);

        Assert.True(plan.Feasible);
        Assert.All(plan.Slots, s => Assert.Equal(0, s.Power.Value));
        Assert.Equal("room above band maximum: heater off", plan.Slots[0].Reason.Text);
        Assert.All(plan.Slots, s => Assert.Equal(ReasonCode.SetpointReached, s.Reason.Code));
    }

    [Fact]
    public void Plan_NegativePrices_StoresHeatUpToBandMaximum()
    {
        var prices = Flat(60);
        for (var k = 8; k < 16; k++)
        {
            prices[k] = new EurPerMwh(-20); // 02:00–04:00: paid to consume
        }

        var plan = PowerPlanner.Plan("node-1", Day, RoomModel, new Celsius(20.5), Band(20, 22), Constant(0), prices, Heater);

        // The heater cannot reach the band maximum in two hours (+0.2 K/h), so every paid slot runs flat out,
        // and the stored heat lets the room coast afterwards.
        Assert.True(plan.Feasible);
        Assert.All(plan.Slots.Skip(8).Take(8), s => Assert.Equal(1000, s.Power.Value, 6));
        Assert.True(plan.Slots[15].PredictedTemperature.Value > 20.6);
        Assert.Equal(0, plan.Slots[16].Power.Value);
        Assert.Equal(ReasonCode.PlannedHeat, plan.Slots[8].Reason.Code);
    }

    [Theory]
    [InlineData(30, 200, 60, 20.5, 0)]
    [InlineData(200, 20, 150, 21.8, -5)]
    [InlineData(-10, 100, 40, 20.0, 3)]
    public void Plan_ThreeSlots_MatchesFineGridSearch(double p0, double p1, double p2, double start, double outdoorCelsius)
    {
        var horizon = new PlanningHorizon(Day.Start, TimeSpan.FromHours(1), 3);
        var model = new Core.Thermal.RoomThermalModel(new WattsPerKelvin(40), new WattHoursPerKelvin(300));
        var heater = new HeaterSpec(4, new Watts(20), new Watts(1500));
        EurPerMwh[] prices = [new(p0), new(p1), new(p2)];
        var outdoor = Enumerable.Repeat(new Celsius(outdoorCelsius), 3).ToArray();
        var bands = Band(20, 22, 3);

        var plan = PowerPlanner.Plan("tiny", horizon, model, new Celsius(start), bands, outdoor, prices, heater);

        Assert.True(plan.Feasible, plan.Infeasibility);
        var best = double.PositiveInfinity;
        const double step = 20;
        var grid = new double[3];
        for (grid[0] = 0; grid[0] <= 1500; grid[0] += step)
        {
            for (grid[1] = 0; grid[1] <= 1500; grid[1] += step)
            {
                for (grid[2] = 0; grid[2] <= 1500; grid[2] += step)
                {
                    var cost = (p0 * grid[0]) + (p1 * grid[1]) + (p2 * grid[2]);
                    if (cost < best && InBand(model, horizon, start, grid, outdoor))
                    {
                        best = cost;
                    }
                }
            }
        }

        // The plan is exact, so it is never dearer than any grid point, and the grid gets within a step of it.
        var planned = Powers(plan).Select((p, k) => p * prices[k].Value).Sum();
        Assert.True(planned <= best + 1e-6, $"plan {planned:0.###} vs grid {best:0.###}");
        Assert.True(best - planned <= step * (Math.Abs(p0) + Math.Abs(p1) + Math.Abs(p2)), $"plan {planned:0.###} vs grid {best:0.###}");
        AssertInBand(Simulate(model, horizon, start, Powers(plan), outdoor), bands, Margin);
    }

    [Fact]
    public void Plan_MismatchedSlotCounts_Throw()
    {
        Assert.Throws<ArgumentException>(() =>
            PowerPlanner.Plan("node-1", Day, RoomModel, new Celsius(20), Band(20, 22, 95), WinterOutdoor(), Flat(50), Heater));
        Assert.Throws<ArgumentException>(() =>
            PowerPlanner.Plan("node-1", Day, RoomModel, new Celsius(20), new Core.Comfort.ComfortBand[96], WinterOutdoor(), Flat(50), Heater));
    }

    private static bool InBand(Core.Thermal.RoomThermalModel model, PlanningHorizon horizon, double start, double[] power, Celsius[] outdoor)
    {
        var room = start;
        for (var k = 0; k < power.Length; k++)
        {
            room = model.Step(new Celsius(room), outdoor[k], new Watts(power[k]), horizon.SlotLength).Value;
            if (room < 20.2 - 1e-9 || room > 22 + 1e-9)
            {
                return false;
            }
        }

        return true;
    }
}
