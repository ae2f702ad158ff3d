using GreenCompute.Grains.Nodes;

namespace GreenCompute.Silo.Tests.Grains;

public class HeaterNodeGrainTests
{
    [Fact]
    public async Task ReportTelemetry_BadReports_AreRejectedWithReasonAndChangeNothing()
    {
        await using var silo = await SiloFixture.StartAsync();
        var node = silo.Host.GetGrain<IHeaterNodeGrain>("n1");
        await node.Register(SiloFixture.Registration("n1"));
        var t0 = SiloFixture.Start;
        Assert.True((await node.ReportTelemetry(SiloFixture.Telemetry("n1", t0, 10, 20.5, 500, 1000))).Accepted);
        var before = await node.GetSnapshot();

        (NodeTelemetry Report, string Reason)[] bad =
        [
            (SiloFixture.Telemetry("n1", t0.AddSeconds(10), 10, 20.5, 500, 1001), "sequence"),
            (SiloFixture.Telemetry("n1", t0.AddSeconds(10), 11, 20.5, 500, 999), "energy counter went backwards"),
            (SiloFixture.Telemetry("n2", t0.AddSeconds(10), 11, 20.5, 500, 1001), "does not match"),
            (SiloFixture.Telemetry("n1", t0.AddSeconds(10), 11, 95, 500, 1001), "room temperature"),
            (SiloFixture.Telemetry("n1", t0.AddSeconds(10), 11, 20.5, -3, 1001), "power"),
            (SiloFixture.Telemetry("n1", t0.AddHours(1), 11, 20.5, 500, 1001), "ahead of the silo clock"),
        ];
        foreach (var (report, reason) in bad)
        {
            var result = await node.ReportTelemetry(report);
            Assert.False(result.Accepted, $"accepted a report that should fail on {reason}");
            Assert.Contains(reason, result.Rejection, StringComparison.Ordinal);
        }

        var after = await node.GetSnapshot();
        // Only the refusal count and the latest refusal's reason (for the installer's page) change.
        Assert.Equal(before with { RejectedTelemetry = 0, LastRejection = null }, after with { RejectedTelemetry = 0, LastRejection = null });
        Assert.Equal(bad.Length, after.RejectedTelemetry);
        Assert.Contains("ahead of the silo clock", after.LastRejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_InvertedComfortBand_IsRefusedAndNothingIsStored()
    {
        await using var silo = await SiloFixture.StartAsync();
        var node = silo.Host.GetGrain<IHeaterNodeGrain>("n1");
        var registration = SiloFixture.Registration("n1");
        var inverted = registration with { Comfort = registration.Comfort with { SetbackMinCelsius = 24, SetbackMaxCelsius = 18 } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => node.Register(inverted));

        Assert.Contains("inverted", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => node.GetSnapshot());
    }

    [Fact]
    public async Task State_SurvivesAProcessRestart()
    {
        await using var silo = await SiloFixture.StartAsync();
        var t0 = SiloFixture.Start;
        var node = silo.Host.GetGrain<IHeaterNodeGrain>("n1");
        await node.Register(SiloFixture.Registration("n1"));
        for (var i = 0; i < 5; i++)
        {
            silo.Clock.Advance(TimeSpan.FromSeconds(60));
            await node.ReportTelemetry(SiloFixture.Telemetry("n1", t0.AddSeconds(60 * (i + 1)), i + 1, 20 + (i * 0.1), i % 2 == 0 ? 1000 : 0, 100 * (i + 1)));
        }

        var before = await node.GetSnapshot();
        await silo.RestartAsync();
        var after = await silo.Host.GetGrain<IHeaterNodeGrain>("n1").GetSnapshot();

        Assert.Equal(before.LastSeen, after.LastSeen);
        Assert.Equal(before.RoomTemperature, after.RoomTemperature);
        Assert.Equal(before.EnergyCounter, after.EnergyCounter);
        Assert.Equal(before.UsefulHeat, after.UsefulHeat);
        Assert.Equal(before.SensorOffsetKelvinPerKilowatt, after.SensorOffsetKelvinPerKilowatt, 9);
        // A replayed report after the restart is still a replay.
        var replay = await silo.Host.GetGrain<IHeaterNodeGrain>("n1").ReportTelemetry(SiloFixture.Telemetry("n1", t0.AddSeconds(300), 5, 20, 0, 500));
        Assert.False(replay.Accepted);
        Assert.Empty(silo.Errors);
    }
}
