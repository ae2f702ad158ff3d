using GreenCompute.Core.Units;
using GreenCompute.Simulation.Data;
using GreenCompute.Simulation.Devices;
using GreenCompute.Simulation.Fleet;

namespace GreenCompute.Simulation.Tests.Fleet;

public sealed class SimulatedFleetTests
{
    private static readonly Lazy<SimulationData> Data = new(() => TestData.Folder.Load(Scenario.Default));

    private static DateTimeOffset Start => Data.Value.Scenario.Start.AddDays(20);

    [Fact]
    public void Constructor_Defaults_TwoBuildingsOfTwelveRoomsNamedBySite()
    {
        var fleet = NewFleet();

        Assert.Equal(24, fleet.Nodes.Count);
        Assert.Equal("b1-r01", fleet.Nodes[0].NodeId);
        Assert.Equal("b2-r12", fleet.Nodes[^1].NodeId);
        Assert.Equal(new[] { "b1", "b2" }, fleet.Nodes.Select(n => n.SiteId).Distinct());
        Assert.All(fleet.Nodes, n => Assert.Equal("DE", n.PriceZone));
        Assert.All(fleet.Nodes, n => Assert.InRange(n.PeakInternalGains.Value, 0, 300));
        Assert.Equal(24, fleet.Nodes.Select(n => n.Room.HeatCapacity).Distinct().Count());
    }

    [Fact]
    public void Constructor_SameSeed_SameRooms()
    {
        Assert.Equal(NewFleet().Nodes, NewFleet().Nodes);
        Assert.NotEqual(NewFleet().Nodes, NewFleet(new FleetOptions { Seed = 2 }).Nodes);
    }

    [Fact]
    public void Step_ADayWithMixedCommands_ClosesTheEnergyBalance()
    {
        var fleet = NewFleet();
        var random = new Random(9);
        var taskNumber = 0;

        for (var step = 0; step < 24 * 60; step++)
        {
            if (step % 15 == 0)
            {
                foreach (var node in fleet.Nodes)
                {
                    fleet.SetPowerCap(node.NodeId, new Watts(random.NextDouble() * 1100), heatWanted: random.Next(3) > 0);
                    if (random.Next(4) == 0)
                    {
                        fleet.StartTask(node.NodeId, $"t{taskNumber++}", new CoreSeconds(random.Next(60, 20_000)), random.Next(1, 9));
                    }
                }
            }

            if (step == 600)
            {
                fleet.SetOnline("b1-r03", false);
            }

            fleet.Step(TimeSpan.FromMinutes(1));
        }

        var balance = fleet.EnergyBalance();
        var heatIn = balance.HeaterHeat + balance.InternalGains + balance.SolarGains;
        Assert.True(balance.Electricity.KilowattHours > 50, $"Only {balance.Electricity} drawn.");
        Assert.Equal(1.0, balance.HeaterHeat / balance.Electricity, 9);
        Assert.True(
            Math.Abs(balance.Residual.Value) <= 1e-6 * heatIn.Value,
            $"Heat in {heatIn} vs losses {balance.Losses} + stored {balance.StoredChange}: residual {balance.Residual}.");
        Assert.True(balance.SolarGains.Value > 0 && balance.InternalGains.Value > 0);
    }

    [Fact]
    public void Step_ADayOf24RoomsAtOneMinute_RunsWellUnderASecond()
    {
        var fleet = NewFleet();
        foreach (var node in fleet.Nodes)
        {
            fleet.SetPowerCap(node.NodeId, new Watts(700), heatWanted: true);
            fleet.StartTask(node.NodeId, "t", new CoreSeconds(1e9), 4);
        }

        for (var step = 0; step < 24 * 60; step++)
        {
            fleet.Step(TimeSpan.FromMinutes(1));
        }

        // How fast a day runs is a benchmark's question (bench/), not a unit test's.
        Assert.Equal(Start.AddDays(1), fleet.Now);
    }

    [Fact]
    public void Step_OneMinuteVersusFifteenMinutes_AgreesWithinAFewHundredthsOfAKelvin()
    {
        var fine = NewFleet();
        var coarse = NewFleet();
        foreach (var fleet in new[] { fine, coarse })
        {
            foreach (var node in fleet.Nodes)
            {
                fleet.SetPowerCap(node.NodeId, new Watts(900), heatWanted: true);
            }
        }

        for (var i = 0; i < 24 * 60; i++)
        {
            fine.Step(TimeSpan.FromMinutes(1));
        }

        for (var i = 0; i < 24 * 4; i++)
        {
            coarse.Step(TimeSpan.FromMinutes(15));
        }

        foreach (var node in fine.Nodes)
        {
            Assert.Equal(fine.RoomTemperature(node.NodeId).Value, coarse.RoomTemperature(node.NodeId).Value, 0.05);
        }
    }

    [Fact]
    public void Step_HeatingVersusOff_WarmRoomsAndCoolRooms()
    {
        var fleet = NewFleet();
        fleet.SetPowerCap("b1-r01", new Watts(1000), heatWanted: true);
        fleet.SetPowerCap("b1-r02", Watts.Zero);

        for (var i = 0; i < 12 * 4; i++)
        {
            fleet.Step(TimeSpan.FromMinutes(15));
        }

        Assert.True(fleet.RoomTemperature("b1-r01") > fleet.RoomTemperature("b1-r02"));
        Assert.True(fleet.RoomTemperature("b1-r02").Value < 20);
    }

    [Fact]
    public void ReadTelemetry_AfterCommands_ReportsStateWithIncreasingSequence()
    {
        var fleet = NewFleet();
        fleet.StartTask("b2-r05", "job1-t0", new CoreSeconds(1e6), 8);
        fleet.Step(TimeSpan.FromMinutes(1));

        var first = fleet.ReadTelemetry("b2-r05")!;
        fleet.Step(TimeSpan.FromMinutes(1));
        var second = fleet.ReadTelemetry("b2-r05")!;

        Assert.Equal("b2", first.SiteId);
        Assert.Equal(second.Sequence, first.Sequence + 1);
        Assert.Equal(Start.AddMinutes(2), second.Time);
        Assert.Equal(new[] { "job1-t0" }, second.RunningTaskIds);
        Assert.Equal(HeaterState.Computing, second.State);
        Assert.Equal(80 + (920 * 0.5), second.Power.Value, 9);
        Assert.Equal(0.5, second.CpuUtilisation, 9);
        Assert.Equal(540.0 / 60, first.EnergyCounter.Value, 6);
        Assert.True(second.EnergyCounter > first.EnergyCounter);
        Assert.Equal(8 * 120, second.WorkCounter.Value, 6);
    }

    [Fact]
    public void SetOnline_False_StopsReportingAndHeating()
    {
        var fleet = NewFleet();
        fleet.SetPowerCap("b1-r07", new Watts(1000), heatWanted: true);
        fleet.Step(TimeSpan.FromMinutes(1));
        var before = fleet.ReadTelemetry("b1-r07")!.EnergyCounter;

        fleet.SetOnline("b1-r07", false);
        fleet.Step(TimeSpan.FromHours(1));

        Assert.Null(fleet.ReadTelemetry("b1-r07"));
        Assert.Equal(23, fleet.ReadTelemetry().Count);
        Assert.Equal(CommandOutcome.NodeOffline, fleet.StartTask("b1-r07", "t", new CoreSeconds(10)));
        fleet.SetOnline("b1-r07", true);
        Assert.Equal(before, fleet.ReadTelemetry("b1-r07")!.EnergyCounter);
    }

    [Fact]
    public void Step_TaskFinishing_IsReportedOnceWithItsElapsedTime()
    {
        var fleet = NewFleet();
        fleet.StartTask("b1-r01", "t", new CoreSeconds(90), 1);

        var firstStep = fleet.Step(TimeSpan.FromMinutes(1));
        var secondStep = fleet.Step(TimeSpan.FromMinutes(1));
        var thirdStep = fleet.Step(TimeSpan.FromMinutes(1));

        Assert.Empty(firstStep);
        var done = Assert.Single(secondStep);
        Assert.Equal(("b1-r01", "t", TimeSpan.FromSeconds(90)), (done.NodeId, done.TaskId, done.Elapsed));
        Assert.Empty(thirdStep);
    }

    [Fact]
    public void Commands_UnknownNode_ThrowNamingTheScheme()
    {
        var fleet = NewFleet();

        var error = Assert.Throws<ArgumentException>(() => fleet.SetPowerCap("b9-r99", Watts.Zero));

        Assert.Contains("b1-r01", error.Message, StringComparison.Ordinal);
    }

    private static SimulatedFleet NewFleet(FleetOptions? options = null) =>
        new(options ?? new FleetOptions(), Data.Value.Weather, Start);
}
