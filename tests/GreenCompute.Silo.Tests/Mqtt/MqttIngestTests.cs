using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Nodes;
using GreenCompute.Silo.Tests.Grains;

namespace GreenCompute.Silo.Tests.Mqtt;

public class MqttIngestTests
{
    private static string TelemetryJson(string nodeId, long seq, double room = 20.5, double watts = 500, double energyWh = 1000, int v = 1) =>
        PayloadCodec.WriteText(new TelemetryPayload(v, nodeId, SiloFixture.Start.AddSeconds(seq * 10), seq, room, 20, 22, watts, energyWh, 0.5, ["t1"], "computing"),
            PayloadJsonContext.Default.TelemetryPayload);

    [Fact]
    public async Task Telemetry_Valid_ReachesTheNodeGrain()
    {
        await using var silo = await IngestFixture.StartAsync();
        await silo.RegisterAsync("n1");
        var device = await silo.ConnectAsync("n1");

        await silo.PublishAndWaitAsync(device, Topics.Telemetry("n1"), TelemetryJson("n1", 1));

        var snapshot = await silo.Host.GetGrain<IHeaterNodeGrain>("n1").GetSnapshot();
        Assert.Equal(20.5, snapshot.RoomTemperature?.Value);
        Assert.Equal(1000, snapshot.EnergyCounter.Value);
        Assert.Equal(["t1"], snapshot.RunningTasks.ToArray());
        Assert.Equal(1, silo.Ingest.Applied);
        Assert.Equal(0, silo.Ingest.Rejected);
        Assert.Empty(silo.Log.Errors);
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task Telemetry_BurstFromSeveralNodes_AllAppliedInEachNodesOrder()
    {
        // Many messages are in the grains at once (the ingest's concurrency): each node must still get its reports in
        // order, or its grain refuses them as replays. A malformed one in the middle is counted and holds up nothing.
        await using var silo = await IngestFixture.StartAsync();
        string[] nodes = ["n1", "n2", "n3"];
        const int PerNode = 200;
        var devices = new List<GreenCompute.Mqtt.Client.MqttClient>();
        foreach (var node in nodes)
        {
            await silo.RegisterAsync(node);
            devices.Add(await silo.ConnectAsync(node));
        }

        silo.Clock.Advance(TimeSpan.FromSeconds(PerNode * 10));
        var published = new List<Task<GreenCompute.Mqtt.Client.MqttPublishResult>>();
        for (var seq = 1; seq <= PerNode; seq++)
        {
            for (var i = 0; i < nodes.Length; i++)
            {
                published.Add(devices[i].PublishAsync(Topics.Telemetry(nodes[i]), TelemetryJson(nodes[i], seq, energyWh: 1000 + seq), GreenCompute.Mqtt.Protocol.MqttQualityOfService.AtLeastOnce));
            }

            if (seq == PerNode / 2)
            {
                published.Add(devices[0].PublishAsync(Topics.Telemetry("n1"), "{\"v\":1,\"nodeId\":\"n1\",", GreenCompute.Mqtt.Protocol.MqttQualityOfService.AtLeastOnce));
            }
        }

        await IngestFixture.Within(Task.WhenAll(published), "the broker to acknowledge the burst");
        await IngestFixture.Within(silo.Ingest.WhenProcessed(published.Count), $"the ingest to process {published.Count} messages");

        Assert.Equal(nodes.Length * PerNode, silo.Ingest.Applied);
        Assert.Equal(1, silo.Ingest.Rejected);
        Assert.Equal(1, silo.Ingest.RejectedByReason.GetValueOrDefault(PayloadRejection.MalformedJson));
        foreach (var node in nodes)
        {
            var snapshot = await silo.Host.GetGrain<IHeaterNodeGrain>(node).GetSnapshot();
            Assert.Equal(1000 + PerNode, snapshot.EnergyCounter.Value);
            Assert.Equal(0, snapshot.RejectedTelemetry);
        }
    }

    [Theory]
    [InlineData("{\"v\":1,\"nodeId\":\"n1\",", PayloadRejection.MalformedJson)]
    [InlineData("null", PayloadRejection.MalformedJson)]
    [InlineData("wrong-version", PayloadRejection.SchemaVersion)]
    [InlineData("other-node", PayloadRejection.TopicMismatch)]
    [InlineData("too-hot", PayloadRejection.OutOfRange)]
    [InlineData("negative-power", PayloadRejection.OutOfRange)]
    [InlineData("{\"v\":1,\"nodeId\":\"n1\",\"seq\":2}", PayloadRejection.MissingField)]
    [InlineData("replay", PayloadRejection.RejectedByGrain)]
    public async Task Telemetry_Bad_IsCountedWithReasonAndChangesNothing(string body, string code)
    {
        await using var silo = await IngestFixture.StartAsync();
        await silo.RegisterAsync("n1");
        var device = await silo.ConnectAsync("n1");
        await silo.PublishAndWaitAsync(device, Topics.Telemetry("n1"), TelemetryJson("n1", 5));
        var node = silo.Host.GetGrain<IHeaterNodeGrain>("n1");
        var before = await node.GetSnapshot();
        var json = body switch
        {
            "wrong-version" => TelemetryJson("n1", 6, v: 2),
            "other-node" => TelemetryJson("n2", 6),
            "too-hot" => TelemetryJson("n1", 6, room: 95),
            "negative-power" => TelemetryJson("n1", 6, watts: -3),
            "replay" => TelemetryJson("n1", 5, energyWh: 1001),
            _ => body,
        };

        await silo.PublishAndWaitAsync(device, Topics.Telemetry("n1"), json);

        Assert.Equal(1, silo.Ingest.RejectedByReason.GetValueOrDefault(code));
        Assert.Equal(1, silo.Ingest.Rejected);
        var after = await node.GetSnapshot();
        Assert.Equal(before with { RejectedTelemetry = 0, LastRejection = null }, after with { RejectedTelemetry = 0, LastRejection = null });
        Assert.Empty(silo.Log.Errors);
    }

    [Fact]
    public async Task Status_Offline_MarksTheNodeOffline()
    {
        await using var silo = await IngestFixture.StartAsync();
        await silo.RegisterAsync("n1");
        var device = await silo.ConnectAsync("n1");
        await silo.PublishAndWaitAsync(device, Topics.Telemetry("n1"), TelemetryJson("n1", 1));

        await silo.PublishAndWaitAsync(device, Topics.Status("n1"),
            PayloadCodec.WriteText(PayloadMapper.Offline("n1", "lost power"), PayloadJsonContext.Default.StatusPayload), retain: true);

        var snapshot = await silo.Host.GetGrain<IHeaterNodeGrain>("n1").GetSnapshot();
        Assert.Equal(HeaterMode.Offline, snapshot.Mode);
        Assert.Contains("lost power", snapshot.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeviceAcl_PublishUnderAnotherNode_IsRefusedAndNeverIngested()
    {
        await using var silo = await IngestFixture.StartAsync();
        await silo.RegisterAsync("n1");
        await silo.RegisterAsync("n2");
        var intruder = await silo.ConnectAsync("n2");

        var refused = await intruder.PublishAsync(Topics.Telemetry("n1"), TelemetryJson("n1", 1), GreenCompute.Mqtt.Protocol.MqttQualityOfService.AtLeastOnce)
            .WaitAsync(IngestFixture.Wait);
        // The next, legitimate message is the first the ingest sees: the refused one was never routed.
        await silo.PublishAndWaitAsync(intruder, Topics.Telemetry("n2"), TelemetryJson("n2", 1));

        Assert.False(refused.IsSuccess, "the broker accepted n2 publishing under n1");
        Assert.Equal(1, silo.Ingest.Processed);
        Assert.Null((await silo.Host.GetGrain<IHeaterNodeGrain>("n1").GetSnapshot()).RoomTemperature);
        Assert.NotNull((await silo.Host.GetGrain<IHeaterNodeGrain>("n2").GetSnapshot()).RoomTemperature);
        Assert.Equal(0, silo.Ingest.Rejected);
    }
}
