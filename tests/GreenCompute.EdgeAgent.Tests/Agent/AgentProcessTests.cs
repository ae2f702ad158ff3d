using GreenCompute.EdgeAgent.Kernels;
using GreenCompute.EdgeAgent.Tests.Fixtures;
using GreenCompute.Grains.Messaging;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.EdgeAgent.Tests.Agent;

/// <summary>The real agent program against a real Mosquitto: killed mid-task (SIGKILL), the will says offline; restarted, it resumes.</summary>
public sealed class AgentProcessTests : IDisposable
{
    private const string Node = "node-p";
    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task KilledMidTask_WillSaysOffline_RestartResumesFromCheckpoint_OutputEqualsUninterrupted()
    {
        await using var mosquitto = await MosquittoServer.StartAsync();
        var seen = new Inbox();
        await using var silo = new MqttClient(new MqttClientOptions { Port = mosquitto.Port }) { MessageHandler = seen.Handle };
        await silo.ConnectAsync();
        await silo.SubscribeAsync(Topics.NodesPrefix + Node + "/#", MqttQualityOfService.AtLeastOnce);
        string[] args = ["--node-id", Node, "--broker", $"127.0.0.1:{mosquitto.Port}", "--state", _state.Path, "--sensors", "simulated"];

        await using (var first = AgentProcess.Start(args))
        {
            await seen.WaitAsync(m => Status(m) == "online", "the agent's retained online status");
            const double coreSeconds = 4;
            await silo.PublishAsync(new MqttApplicationMessage
            {
                Topic = Topics.Commands(Node),
                Payload = PayloadCodec.Write(new CommandPayload(1, Node, DateTimeOffset.UnixEpoch, 1000, "computing",
                    [new TaskStartPayload("job-p/t1", "job-p", "cpu-burn", 0, coreSeconds, 1, 1)], null, null, "test", null, null),
                    PayloadJsonContext.Default.CommandPayload),
                QualityOfService = MqttQualityOfService.AtLeastOnce,
            });
            await seen.WaitAsync(m => Events(m).Contains("job-p/t1:checkpointed"), "a checkpoint before the power cut");
            await first.KillHardAsync();
            await seen.WaitAsync(m => Status(m) == "offline", "the last will (offline) after SIGKILL");
        }

        await using var second = AgentProcess.Start(args);
        await seen.WaitAsync(m => Status(m) == "online", "online again after the restart");
        await seen.WaitAsync(m => Events(m).Contains("job-p/t1:completed"), "the resumed task to complete", TimeSpan.FromSeconds(120));

        var completed = seen.Messages.Select(Event).OfType<TaskEventPayload>().Last(e => e.TaskId == "job-p/t1" && e.Kind == "completed");
        Assert.Contains(seen.Messages.Select(Event).OfType<TaskEventPayload>(), e => e.TaskId == "job-p/t1" && e.Detail == "resumed" && e.DoneCoreSeconds > 0);
        Assert.Equal(TaskCommandTests.UninterruptedHash("sha256-chain", 4 * KernelCatalog.UnitsPerCoreSecond("sha256-chain"), "job-p/t1"), completed.OutputHash);
    }

    private static string? Status(IReadOnlyList<MqttApplicationMessage> messages) =>
        messages.LastOrDefault(m => m.Topic == Topics.Status(Node)) is { } last
        && PayloadCodec.TryRead(last.Payload.Span, PayloadJsonContext.Default.StatusPayload, out var s, out _) ? s!.State : null;

    private static HashSet<string> Events(IReadOnlyList<MqttApplicationMessage> messages) =>
        [.. messages.Select(Event).OfType<TaskEventPayload>().Where(e => e.TaskId is not null).Select(e => $"{e.TaskId}:{e.Kind}")];

    private static TaskEventPayload? Event(MqttApplicationMessage m) =>
        m.Topic == Topics.Events(Node) && PayloadCodec.TryRead(m.Payload.Span, PayloadJsonContext.Default.TaskEventPayload, out var e, out _) ? e : null;
}
