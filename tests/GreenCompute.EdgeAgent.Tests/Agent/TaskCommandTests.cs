using System.Security.Cryptography;
using System.Text;
using GreenCompute.Core.Ledger;
using GreenCompute.EdgeAgent.Kernels;
using GreenCompute.EdgeAgent.Power;
using GreenCompute.EdgeAgent.Tests.Fixtures;
using GreenCompute.Grains.Ledger.Receipts;
using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.EdgeAgent.Tests.Agent;

/// <summary>Commands over MQTT (embedded broker) driving real child processes: run, pause at checkpoint, resume, cancel, power cap.</summary>
public sealed class TaskCommandTests : IDisposable
{
    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task RunTask_CompletesWithOutputHash_AndASignedReceipt()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var agent = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_state.Path));
        // 2.4999975 core-s × 400,000 units/core-s = 999,999 candidates: the primes up to 10⁶.
        await agent.SendAsync(AgentFixture.Command(start: [AgentFixture.Start("job-1/t1", "prime-count", 2.4999975)]));

        var completed = await agent.WaitForEventAsync("job-1/t1", TaskEventKind.Completed);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("prime-count n=1000000 count=78498\n")));
        Assert.Equal(expected, completed.OutputHash);
        Assert.Equal(2.4999975, completed.DoneCoreSeconds!.Value, 6);
        Assert.True(PayloadValidator.TaskEvent(completed, AgentFixture.NodeId).IsValid);
        Assert.Contains(agent.TaskEvents(), e => e.TaskId == "job-1/t1" && e.Kind == "progress" && e.Detail == "started");

        await agent.Seen.WaitAsync(m => Receipts(m).Any(r => r.Receipt == ReceiptPayload.TaskCompletion), "the task-completion receipt");
        var receipt = Receipts(agent.Seen.Messages).Single(r => r.Receipt == ReceiptPayload.TaskCompletion);
        Assert.Equal("0x" + expected, receipt.OutputHash);
        var signed = new SignedTaskCompletion(new TaskCompletion(receipt.NodeId!, receipt.Sequence!.Value, receipt.Time!.Value, receipt.JobId!, receipt.TaskId!,
            receipt.CoreSeconds!.Value, receipt.OutputHash!), receipt.Signature!);
        Assert.Equal(agent.Agent.Key.Address.ToString(), new ReceiptVerifier(ReceiptDomain.Local).RecoverSigner(signed), ignoreCase: true);
        // The observer can see the receipt before the agent has handled its PUBACK: wait for the row to go.
        await Within.Until(() => agent.Agent.Outbox.Count == 0, "the outbox to drain after the PUBACKs");
    }

    [Fact]
    public async Task PauseAfterCheckpointThenResume_OutputEqualsUninterruptedRun()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var agent = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_state.Path));
        const double coreSeconds = 2;
        await agent.SendAsync(AgentFixture.Command(start: [AgentFixture.Start("job-1/t2", "cpu-burn", coreSeconds)]));
        await agent.WaitForEventAsync("job-1/t2", TaskEventKind.Progress);
        await agent.SendAsync(AgentFixture.Command(pause: ["job-1/t2"]));

        var paused = await agent.WaitForEventAsync("job-1/t2", TaskEventKind.Paused);
        var checkpoint = await agent.WaitForEventAsync("job-1/t2", TaskEventKind.Checkpointed);
        Assert.InRange(paused.DoneCoreSeconds!.Value, 1e-9, coreSeconds - 1e-9);
        Assert.Equal(checkpoint.DoneCoreSeconds, paused.DoneCoreSeconds);
        Assert.Empty(agent.Agent.Tasks.RunningTaskIds);

        // The scheduler resumes a paused task by starting it again.
        await agent.SendAsync(AgentFixture.Command(start: [new TaskStartPayload("job-1/t2", "job-1", "cpu-burn", paused.DoneCoreSeconds, coreSeconds - paused.DoneCoreSeconds, 1, 60)]));
        var completed = await agent.WaitForEventAsync("job-1/t2", TaskEventKind.Completed);

        Assert.Equal(UninterruptedHash("sha256-chain", (long)(coreSeconds * KernelCatalog.UnitsPerCoreSecond("sha256-chain")), "job-1/t2"), completed.OutputHash);
        Assert.Contains(agent.TaskEvents(), e => e.TaskId == "job-1/t2" && e.Detail == "resumed");
    }

    [Fact]
    public async Task Cancel_KillsTheProcess_ReportsCancelled()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var agent = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_state.Path));
        await agent.SendAsync(AgentFixture.Command(start: [AgentFixture.Start("job-1/t3", "cpu-burn", 1000)]));
        await agent.WaitForEventAsync("job-1/t3", TaskEventKind.Progress);
        var pid = Assert.Single(agent.Agent.Tasks.ProcessIds);

        await agent.SendAsync(AgentFixture.Command(cancel: ["job-1/t3"]));
        await agent.WaitForEventAsync("job-1/t3", TaskEventKind.Cancelled);
        Assert.Empty(agent.Agent.Tasks.RunningTaskIds);
        Assert.False(File.Exists($"/proc/{pid}/stat") && File.ReadAllText($"/proc/{pid}/stat").Contains("GreenCompute", StringComparison.Ordinal));
        Assert.DoesNotContain(agent.TaskEvents(), e => e.TaskId == "job-1/t3" && e.Kind == "completed");
    }

    [Fact]
    public async Task PowerCap_AtIdlePowerStopsTheTask_FullCapContinuesIt()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var agent = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_state.Path));
        Assert.IsType<DutyCycleLimiter>(agent.Agent.Limiter);
        await agent.SendAsync(AgentFixture.Command(start: [AgentFixture.Start("job-1/t4", "cpu-burn", 1000)]));
        await agent.WaitForEventAsync("job-1/t4", TaskEventKind.Progress);
        var pid = Assert.Single(agent.Agent.Tasks.ProcessIds);

        var handled = Handled(agent);
        await agent.SendAsync(AgentFixture.Command(powerCap: 80));
        await handled;
        Assert.Equal(0, agent.Agent.Limiter.Share);
        await Within.Until(() => ProcessState(pid) == 'T', "the task process to be stopped (SIGSTOP)");

        handled = Handled(agent);
        await agent.SendAsync(AgentFixture.Command(powerCap: 1000));
        await handled;
        Assert.Equal(1, agent.Agent.Limiter.Share);
        await Within.Until(() => ProcessState(pid) != 'T', "the task process to continue (SIGCONT)");
        await agent.SendAsync(AgentFixture.Command(cancel: ["job-1/t4"]));
        await agent.WaitForEventAsync("job-1/t4", TaskEventKind.Cancelled);
    }

    [Fact]
    public async Task MalformedOrForeignCommand_ChangesNothing()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var agent = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_state.Path));
        var handled = Handled(agent);
        await agent.SendAsync(AgentFixture.Command(start: [AgentFixture.Start("x", "cpu-burn", 5)]) with { NodeId = "node-2" });
        await handled;
        handled = Handled(agent);
        await agent.Observer.PublishAsync(Topics.Commands(AgentFixture.NodeId), "{not json", Mqtt.Protocol.MqttQualityOfService.AtLeastOnce);
        await handled;

        Assert.Equal(2, agent.Agent.Commands.Rejected);
        Assert.Empty(agent.Agent.Tasks.RunningTaskIds);
        Assert.Null(agent.Agent.Commands.Last);
        Assert.Equal(1, agent.Agent.Limiter.Share);
    }

    internal static List<ReceiptPayload> Receipts(IReadOnlyList<Mqtt.Client.MqttApplicationMessage> messages) =>
        [.. messages.Where(m => m.Topic == Topics.Events(AgentFixture.NodeId) && m.GetPayloadText().Contains("\"signature\"", StringComparison.Ordinal))
            .Select(m => System.Text.Json.JsonSerializer.Deserialize(m.Payload.Span, PayloadJsonContext.Default.ReceiptPayload)!)];

    internal static string UninterruptedHash(string kernel, long units, string seed)
    {
        using var folder = new TempFolder();
        var output = new StringWriter();
        Assert.Equal(0, KernelProgram.Run([kernel, "--units", units.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", folder.Path, "--seed", seed],
            new StringReader(""), output));
        return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder.Path, "output"))));
    }

    private static Task Handled(AgentFixture agent)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnHandled(Grains.Nodes.NodeCommand? _)
        {
            agent.Agent.Commands.Handled -= OnHandled;
            done.TrySetResult();
        }

        agent.Agent.Commands.Handled += OnHandled;
        return Within.Async(done.Task, "the agent to handle the command");
    }

    private static char ProcessState(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[stat.LastIndexOf(')') + 2];
    }
}
