using GreenCompute.Silo.Mqtt;
using GreenCompute.Web.Hosting;
using GreenCompute.Web.Pairing;
using GreenCompute.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace GreenCompute.Web.Tests.Pairing;

/// <summary>
/// With the simulated agents in-process (large fleets), a paired device still works through the host's one broker:
/// its telemetry reaches its grain and its page at once, its commands reach it, and the fleet's steps go on.
/// </summary>
public sealed class InProcessAgentsPairingTests(InProcessAgentsWebApp app) : IClassFixture<InProcessAgentsWebApp>
{
    [Fact]
    public async Task PairedDevice_TelemetryAndCommands_ThroughTheOneBroker_WhileTheFleetStepsInProcess()
    {
        Assert.IsType<PairedDevicesLink>(app.Silo.Silo.Link);
        Assert.NotNull(app.Services.GetRequiredService<MqttEndpoint>().Broker);
        await using var agent = new SimulatedAgent(app);
        var nodeId = await agent.PairAndConnectAsync("b1", "Lab 7");
        var applied = app.Services.GetRequiredService<FleetTicks>().Node(nodeId).Next;
        await agent.PublishTelemetryAsync(nodeId, 20.8, 150);
        await applied.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(20.8, (await app.Silo.Node(nodeId).GetSnapshot()).RoomTemperature!.Value.Value, 3);

        // The first step is a planning round: every online node, the paired one too, gets a command.
        await app.Silo.StepAsync();
        var command = await agent.FirstCommand.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(nodeId, command.NodeId);
        await app.Silo.StepAsync(2);
    }
}
