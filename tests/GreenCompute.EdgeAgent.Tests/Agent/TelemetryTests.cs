using GreenCompute.EdgeAgent.Tests.Fixtures;
using GreenCompute.Grains.Messaging;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.EdgeAgent.Tests.Agent;

/// <summary>Telemetry every 10 s on the manual clock and the retained status, through our embedded broker.</summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Telemetry_EveryTenSeconds_ValidWithMonotonicSequenceAndEnergy()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var agent = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_state.Path));
        // The timer fires at once, then every 10 s of the manual clock.
        await agent.Seen.WaitAsync(m => Telemetry(m).Count >= 1, "the first telemetry");
        agent.Time.Advance(TimeSpan.FromSeconds(9));
        agent.Time.Advance(TimeSpan.FromSeconds(1));
        agent.Time.Advance(TimeSpan.FromSeconds(10));
        await agent.Seen.WaitAsync(m => Telemetry(m).Count >= 3, "three telemetry reports");

        var reports = Telemetry(agent.Seen.Messages);
        Assert.Equal([1L, 2L, 3L], reports.Select(r => r.Seq!.Value));
        Assert.Equal(TimeSpan.FromSeconds(10), reports[1].Time - reports[0].Time);
        Assert.All(reports, r => Assert.True(PayloadValidator.Telemetry(r, AgentFixture.NodeId).IsValid, "telemetry passes the silo's validation"));
        // Idle 80 W for 10 s = 0.222 Wh per report.
        Assert.Equal(80 * 10 / 3600.0, reports[1].EnergyWh!.Value - reports[0].EnergyWh!.Value, 6);
        Assert.True(reports[2].EnergyWh > reports[1].EnergyWh);
    }

    [Fact]
    public async Task SequenceAndEnergy_ContinueAcrossAgentRestart()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        double energyBefore;
        await using (var first = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_state.Path)))
        {
            first.Time.Advance(TimeSpan.FromSeconds(10));
            await first.Seen.WaitAsync(m => Telemetry(m).Count >= 2, "two reports before the restart");
            energyBefore = Telemetry(first.Seen.Messages)[^1].EnergyWh!.Value;
        }

        await using var second = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_state.Path));
        await second.Seen.WaitAsync(m => Telemetry(m).Count >= 1, "the first report after the restart");
        var after = Telemetry(second.Seen.Messages)[0];
        Assert.Equal(3, after.Seq);
        Assert.True(after.EnergyWh >= energyBefore, $"energy counter went back: {after.EnergyWh} < {energyBefore}");
    }

    [Fact]
    public async Task Status_RetainedOnline_ThenOfflineOnOrderlyStop()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var agent = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_state.Path), observe: false);
        var late = new Inbox();
        await using var observer = new MqttClient(new MqttClientOptions { Port = broker.Port }) { MessageHandler = late.Handle };
        await observer.ConnectAsync();
        await observer.SubscribeAsync(Topics.Status(AgentFixture.NodeId), MqttQualityOfService.AtLeastOnce);
        await late.WaitAsync(m => m.Any(x => x.Retain && x.GetPayloadText().Contains("\"online\"", StringComparison.Ordinal)), "the retained online status");

        await agent.DisposeAsync();
        await late.WaitAsync(m => m.Any(x => x.GetPayloadText().Contains("\"offline\"", StringComparison.Ordinal)), "offline after the agent stopped");
        var status = PayloadCodec.TryRead(late.Messages[^1].Payload.Span, PayloadJsonContext.Default.StatusPayload, out var p, out _) ? p : null;
        Assert.True(PayloadValidator.Status(status, AgentFixture.NodeId).IsValid);
    }

    internal static List<TelemetryPayload> Telemetry(IReadOnlyList<MqttApplicationMessage> messages) =>
        [.. messages.Where(m => m.Topic == Topics.Telemetry(AgentFixture.NodeId))
            .Select(m => PayloadCodec.TryRead(m.Payload.Span, PayloadJsonContext.Default.TelemetryPayload, out var t, out _) ? t! : throw new InvalidDataException(m.GetPayloadText()))];
}
