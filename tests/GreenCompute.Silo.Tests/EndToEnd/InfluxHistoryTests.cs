using GreenCompute.Actors;
using GreenCompute.Influx.Tests.Fixtures;
using GreenCompute.Silo.Configuration;
using GreenCompute.Silo.Simulation;

namespace GreenCompute.Silo.Tests.EndToEnd;

public class InfluxHistoryTests
{
    [Fact]
    public async Task SimulatedHours_WithInfluxd_HistoryIsWrittenThereAndAnswersTheRoomChart()
    {
        await using var influxd = await InfluxServer.StartAsync("greencompute");
        var options = new SiloOptions
        {
            Days = 0.25, Speed = 0, TargetLoad = 0.3, Live = false, Buildings = 1, RoomsPerBuilding = 2, NoChain = true,
            InfluxUrl = influxd.Url, InfluxDatabase = "greencompute",
        };
        await using var silo = await SimulatedSilo.CreateAsync(options, new InMemoryGrainStorage());

        await new SimulationRunner(silo).RunAsync();
        await silo.History.FlushAsync();
        var chart = await silo.History.Queries.RoomChartAsync(silo.Fleet.Nodes[0].NodeId, silo.Zone, silo.Clock.Now, TimeSpan.FromDays(1));

        Assert.Contains("InfluxDB", silo.History.Description, StringComparison.Ordinal);
        // 6 h of telemetry at 5-minute buckets, read back from influxd.
        Assert.InRange(chart.TemperatureCelsius.Count, 70, 73);
        Assert.All(chart.TemperatureCelsius, p => Assert.InRange(p.Value, 10, 30));
        Assert.InRange(chart.PriceEurPerMwh.Count, 6, 7);
        Assert.Equal(0, silo.History.Recorder.WriteFailures);
    }
}
