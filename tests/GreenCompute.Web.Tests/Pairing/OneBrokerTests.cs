using GreenCompute.Grains.Messaging;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Web.Hosting;
using GreenCompute.Web.Pairing;
using GreenCompute.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace GreenCompute.Web.Tests.Pairing;

/// <summary>
/// The web host runs one MQTT broker: the simulated fleet's devices and service accounts and the paired devices all go
/// through it, under the device ACL, and the fleet's steps count exactly the fleet's own messages.
/// </summary>
public sealed class OneBrokerTests(WebApp app) : IClassFixture<WebApp>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Host_ListensOnOneMqttPort_ForTheFleetAndPairedDevices()
    {
        var endpoint = app.Services.GetRequiredService<MqttEndpoint>();
        Assert.NotNull(endpoint.Broker);
        Assert.False(app.Link.OwnsBroker, "the fleet link started a broker of its own");
        Assert.Equal(endpoint.Port, app.Link.Port);

        // A simulated device's account works on that port, for its own topics only.
        var fleetNode = (await app.Silo.Site("b1").GetRegistration()).NodeIds[0];
        await using var simulated = new MqttClient(new MqttClientOptions
        {
            Host = endpoint.Host, Port = endpoint.Port, ClientId = "test-" + fleetNode, UserName = fleetNode, Password = app.Link.PasswordOf(fleetNode), AutoReconnect = false,
        });
        await simulated.ConnectAsync().WaitAsync(Timeout);
        Assert.True((await simulated.SubscribeAsync(Topics.Commands(fleetNode), MqttQualityOfService.AtLeastOnce).WaitAsync(Timeout)).AllGranted, "own commands refused");
        Assert.False((await simulated.SubscribeAsync(Topics.Commands("b2-r01"), MqttQualityOfService.AtLeastOnce).WaitAsync(Timeout)).AllGranted, "another node's commands granted");

        // And so does a paired device, whose telemetry reaches its grain through the same ingest.
        await using var agent = new SimulatedAgent(app);
        var nodeId = await agent.PairAndConnectAsync("b2", "Lab 1");
        await agent.PublishTelemetryAsync(nodeId, 19.4, 250);
        Assert.Equal(19.4, (await app.Silo.Node(nodeId).GetSnapshot()).RoomTemperature!.Value.Value, 3);
    }

    [Fact]
    public async Task FleetStep_CountsOnlyTheFleetsMessages_PairedTelemetryAppliedButNotCounted()
    {
        await using var agent = new SimulatedAgent(app);
        var nodeId = await agent.PairAndConnectAsync("b1", "Lab 2");
        var fleetTelemetry = app.Ingest.ProcessedOf(TopicKind.Telemetry);
        await agent.PublishTelemetryAsync(nodeId, 21.2, 300);
        Assert.Equal(fleetTelemetry, app.Ingest.ProcessedOf(TopicKind.Telemetry));

        // One step: exactly one report per simulated room is counted, and the paired device's next report (published
        // while the step runs) neither completes the step's wait early nor is lost.
        var rooms = app.Silo.Silo.Fleet.Nodes.Count;
        var applied = app.Services.GetRequiredService<FleetTicks>().Node(nodeId).Next;
        var step = app.Silo.StepAsync();
        await agent.PublishTelemetryAsync(nodeId, 21.6, 300, ahead: TimeSpan.FromSeconds(30));
        await step.WaitAsync(TimeSpan.FromSeconds(60));
        await applied.WaitAsync(Timeout);
        Assert.Equal(fleetTelemetry + rooms, app.Ingest.ProcessedOf(TopicKind.Telemetry));
        var paired = await app.Silo.Node(nodeId).GetSnapshot();
        Assert.Equal((21.6, 0L), (paired.RoomTemperature!.Value.Value, paired.RejectedTelemetry));
    }

    [Fact]
    public async Task Broker_RefusesAClientIdHeldByAnotherAccount()
    {
        await using var agent = new SimulatedAgent(app);
        var nodeId = await agent.PairAndConnectAsync("b2", "Lab 3");
        var fleetNode = (await app.Silo.Site("b2").GetRegistration()).NodeIds[0];
        var endpoint = app.Services.GetRequiredService<MqttEndpoint>();
        // The paired agent connected as "agent-{nodeId}": a fleet account with its right password may not take that session.
        await using var thief = new MqttClient(new MqttClientOptions
        {
            Host = endpoint.Host, Port = endpoint.Port, ClientId = $"agent-{nodeId}", UserName = fleetNode, Password = app.Link.PasswordOf(fleetNode), AutoReconnect = false,
        });
        await Assert.ThrowsAnyAsync<Exception>(() => thief.ConnectAsync().WaitAsync(Timeout));
        await agent.PublishTelemetryAsync(nodeId, 20.1, 100);
    }

    [Fact]
    public async Task PairedTelemetry_ReachesTheCommissioningPagesStream_WithoutAFleetStep()
    {
        await using var agent = new SimulatedAgent(app);
        var nodeId = await agent.PairAndConnectAsync("b1", "Lab 4");
        var installer = await app.SignedInAsync("installer1");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await installer.GetAsync($"/live/pairings/{nodeId}", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        // The first frame: nothing reported yet.
        await ReadUntilAsync(reader, "none yet", timeout.Token);

        var steps = app.Silo.Silo.Clock.Now;
        await agent.PublishTelemetryAsync(nodeId, 22.7, 400);
        await ReadUntilAsync(reader, "22.7 &#xB0;C", timeout.Token);
        Assert.Equal(steps, app.Silo.Silo.Clock.Now);
    }

    private static async Task ReadUntilAsync(StreamReader reader, string text, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("data:", StringComparison.Ordinal) && line.Contains(text, StringComparison.Ordinal))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"no SSE frame with '{text}' in time");
        }

        Assert.Fail($"the SSE stream ended before a frame with '{text}'");
    }
}
