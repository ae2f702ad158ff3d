using GreenCompute.Actors;
using GreenCompute.Core.Ledger;
using GreenCompute.Core.Time;
using GreenCompute.EdgeAgent.Pairing;
using GreenCompute.EdgeAgent.Tests.Fixtures;
using GreenCompute.Ethereum.Signing;
using GreenCompute.Grains;
using GreenCompute.Grains.Ledger;
using GreenCompute.Grains.Ledger.Chain;
using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Tests.Fixtures;
using GreenCompute.Silo.Mqtt;

namespace GreenCompute.EdgeAgent.Tests.EndToEnd;

/// <summary>
/// The real agent and the silo's real ingest over one broker: the agent runs a built-in kernel as a child process, signs
/// its completion receipt with the key the ledger paired, and the receipt ends up in the closed epoch's receipts tree.
/// </summary>
public sealed class ReceiptToLedgerTests : IDisposable
{
    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task AgentCompletesTask_ItsSignedReceiptIsInTheLedgersEpoch()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var clock = new ManualTimeProvider(AgentFixture.StartTime);
        var errors = new List<GrainHostError>();
        await using var silo = new GrainHost(new InMemoryGrainStorage(), clock, new GrainHostOptions { CallTimeout = Timeout.InfiniteTimeSpan },
            e => { lock (errors) { errors.Add(e); } });
        SiloGrains.AddTo(silo, new NoCommands(), new NodeOptions(), new SchedulerOptions { AutoPlan = false });
        LedgerGrains.AddTo(silo, new JournalChainCommitter(Path.Combine(_state.Path, "journal.jsonl"), clock), new LedgerOptions { AutoTick = false });
        await silo.StartAsync(CancellationToken.None);
        var ledger = silo.GetGrain<ILedgerGrain>(LedgerGrains.LedgerKey);
        var ingestLog = new TestLogger();
        await using var ingest = new MqttIngest(new MqttClientOptions { Port = broker.Port, ClientId = "silo-ingest", AutoReconnect = false }, silo, ingestLog);
        await Within.Async(ingest.StartAsync(), "the ingest to subscribe");

        // Pairing as the web host does it: the ledger learns the device address of the agent's key (made on first start).
        var options = AgentFixture.Options(_state.Sub("agent"));
        var device = DeviceKeyStore.LoadOrCreate(options.StateFolder).Address.ToString();
        Assert.Null(await ledger.Pair(new NodeAccount(AgentFixture.NodeId, device, PrivateKey.Generate().Address.ToString(), "DE")));

        var agent = await AgentFixture.StartAsync(broker.Port, options, clock: clock);
        try
        {
            await agent.SendAsync(AgentFixture.Command(start: [AgentFixture.Start("job-1/t1", "prime-count", 2.4999975)]));
            var completed = await agent.WaitForEventAsync("job-1/t1", TaskEventKind.Completed);
            await agent.Seen.WaitAsync(m => Agent.TaskCommandTests.Receipts(m).Any(r => r.Receipt == ReceiptPayload.TaskCompletion), "the completion receipt");
            var published = agent.Seen.Messages.Count(m => m.Topic == Topics.Events(AgentFixture.NodeId));
            await Within.Async(ingest.WhenProcessed(TopicKind.Events, published), $"the ingest to process {published} events-topic messages");

            // Telemetry is refused (the node grain was never registered): only the events topic matters here.
            Assert.True(ingest.RejectedOf(TopicKind.Events) == 0, string.Join(" | ", ingestLog.Messages(Microsoft.Extensions.Logging.LogLevel.Warning)));
            var status = await ledger.GetStatus();
            Assert.True(status.Accepted >= 1, status.Summary);
            Assert.Equal(0, status.Rejected);
            Assert.NotNull(completed.OutputHash);
        }
        finally
        {
            await agent.DisposeAsync();
        }

        // Close the hour the task ran in; its archive holds the signed completion.
        var epoch = LedgerRules.Default.Clock.EpochOf(AgentFixture.StartTime);
        clock.AdvanceTo(AgentFixture.StartTime + TimeSpan.FromHours(1) + LedgerRules.Default.CloseGrace);
        Assert.Contains(epoch, await ledger.CloseDueEpochs());
        var proof = await ledger.GetReceiptProof(epoch, AgentFixture.NodeId);
        Assert.NotNull(proof);
        Assert.Equal(1UL, proof.Receipt.Tasks);
        Assert.Equal(device, proof.Receipt.Device.ToString(), ignoreCase: true);
        Assert.Contains("job-1/t1", proof.Details, StringComparison.Ordinal);
        var expected = Agent.TaskCommandTests.Receipts(agent.Seen.Messages).Single(r => r.Receipt == ReceiptPayload.TaskCompletion);
        Assert.Contains(expected.Signature!, proof.Details, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(errors);
        Assert.Empty(ingestLog.Messages(Microsoft.Extensions.Logging.LogLevel.Error));
        await silo.StopAsync(CancellationToken.None);
    }

    private sealed class NoCommands : INodeCommandSink
    {
        public Task SendAsync(NodeCommand command, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
