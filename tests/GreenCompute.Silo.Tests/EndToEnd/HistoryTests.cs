using GreenCompute.Actors;
using GreenCompute.Silo.Configuration;
using GreenCompute.Silo.Simulation;

namespace GreenCompute.Silo.Tests.EndToEnd;

public class HistoryTests
{
    [Fact]
    public async Task SimulatedDay_History_AnswersTheRoomChartAndDailyEnergy()
    {
        var options = new SiloOptions { Days = 1, Speed = 0, TargetLoad = 0.3, Live = false, Buildings = 1, RoomsPerBuilding = 4 };
        await using var silo = await SimulatedSilo.CreateAsync(options, new InMemoryGrainStorage());
        await new SimulationRunner(silo).RunAsync();
        await silo.History.FlushAsync();
        var end = silo.Clock.Now;
        var node = silo.Fleet.Nodes[0].NodeId;

        var chart = await silo.History.Queries.RoomChartAsync(node, silo.Zone, end, TimeSpan.FromDays(1));

        // 24 h at 5 min: one bucket per 5 minutes with telemetry (every simulated minute).
        Assert.InRange(chart.TemperatureCelsius.Count, 280, 290);
        Assert.Equal(chart.TemperatureCelsius.Count, chart.BandMinCelsius.Count);
        Assert.All(chart.BandMinCelsius, p => Assert.True(p.Value is 17 or 20, $"band minimum {p.Value}"));
        Assert.All(chart.PowerWatts, p => Assert.InRange(p.Value, 0, 1000));
        Assert.InRange(chart.PriceEurPerMwh.Count, 23, 25);

        var byNode = await silo.History.Queries.DailyEnergyAsync(silo.Zone, "node", silo.Data.Scenario.Start, end);
        var bySite = await silo.History.Queries.DailyEnergyAsync(silo.Zone, "site", silo.Data.Scenario.Start, end);
        var fleetWh = silo.Fleet.EnergyBalance().Electricity.Value;
        // Telemetry deltas add up to the counters (the first minute before the first report is not in any delta).
        Assert.InRange(byNode.Sum(d => d.Energy.Value), fleetWh * 0.99, fleetWh + 1e-6);
        Assert.Equal(byNode.Sum(d => d.Energy.Value), bySite.Sum(d => d.Energy.Value), 6);
        Assert.All(byNode, d => Assert.InRange(d.UsefulHeat.Value, 0, d.Energy.Value + 1e-6));
        Assert.True(bySite.Sum(d => d.Cost.Value) > 0, "a day of heating costs something");
        // One node's days alone (the room page's query) are that node's rows of the fleet-wide answer.
        var oneNode = byNode[0].Key;
        var only = await silo.History.Queries.DailyEnergyAsync(silo.Zone, "node", silo.Data.Scenario.Start, end, only: oneNode);
        Assert.Equal(
            byNode.Where(d => d.Key == oneNode).Select(d => (d.Day, d.Energy.Value, d.UsefulHeat.Value, d.Cost.Value)),
            only.Select(d => (d.Day, d.Energy.Value, d.UsefulHeat.Value, d.Cost.Value)));
        Assert.Equal(0, silo.History.Recorder.WriteFailures);
    }
}
