using GreenCompute.Web.Tests.Fixtures;

namespace GreenCompute.Web.Tests.Pairing;

/// <summary>
/// A real device paired into a simulated building gets its commands over its own MQTT connection, and the fleet's
/// steps go on: the simulated fleet's link must not count the paired device's commands as due at its own devices.
/// </summary>
public sealed class PairedDeviceCommandTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task PlanningRound_CommandsThePairedDevice_AndTheStepCompletes()
    {
        await using var agent = new SimulatedAgent(app);
        var nodeId = await agent.PairAndConnectAsync("b1", "Lab 9");
        await agent.PublishTelemetryAsync(nodeId, 20.5, 120);

        // The fixture's first step is a planning round: every online node, the paired one too, gets a command.
        var rounds = (await app.Silo.Scheduler.GetStatus()).Rounds;
        await app.Silo.StepAsync();
        Assert.Equal(rounds + 1, (await app.Silo.Scheduler.GetStatus()).Rounds);

        var command = await agent.FirstCommand.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(nodeId, command.NodeId);
        Assert.False(string.IsNullOrWhiteSpace(command.Reason));

        // And the next steps are not held up by it either.
        await app.Silo.StepAsync(3);
    }
}
