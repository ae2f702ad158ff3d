using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Tests.Conformance.Replay;

/// <summary>
/// 03-request-response(-correlation): a requester and a responder, each on its own connection. The extracted steps lost
/// the two accepts and the broker forwarding the request to the responder; <see cref="Complete"/> puts them back
/// (the forwarded packet is the scenario's own: "publish1_packet_outgoing" when it has one, else the request itself).
/// </summary>
internal static class RequestResponseScenarios
{
    private const MqttProtocolVersion V5 = MqttProtocolVersion.V500;

    public static IEnumerable<ScenarioProgram> All()
    {
        yield return new("test/lib/03-request-response.py", host => RunAsync(host, correlation: null)) { FixSteps = Complete };
        yield return new("test/lib/03-request-response-correlation.py", host => RunAsync(host, correlation: "corridor"u8.ToArray())) { FixSteps = Complete };
    }

    private static List<ReplayStep> Complete(List<ReplayStep> steps, IReadOnlyDictionary<string, byte[]> packets)
    {
        var fixedSteps = new List<ReplayStep>(steps);
        fixedSteps.Insert(0, new ReplayStep(ReplayStepKind.Accept, "conn1", "accept", []));
        var secondConnect = fixedSteps.FindIndex(s => s is { Kind: ReplayStepKind.Expect, Connection: "conn2" });
        fixedSteps.Insert(secondConnect, new ReplayStep(ReplayStepKind.Accept, "conn2", "accept", []));
        var forward = packets.TryGetValue("publish1_packet_outgoing", out var outgoing) ? outgoing : packets["publish1_packet"];
        fixedSteps.Insert(fixedSteps.Count - 1, new ReplayStep(ReplayStepKind.Send, "conn2", "forwarded request", forward));
        return fixedSteps;
    }

    private static async Task RunAsync(ScenarioHost host, byte[]? correlation)
    {
        await using var requester = await host.ConnectAsync(host.Options("request-test", V5));
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var responder = new ScenarioClient(new MqttClient(host.Options("response-test", V5)));
        responder.Client.MessageHandler = async (request, token) =>
        {
            await responder.Client.PublishAsync(new MqttApplicationMessage
            {
                Topic = request.Properties.ResponseTopic!,
                Payload = "a response"u8.ToArray(),
                Properties = request.Properties.CorrelationData is { } data ? new MqttProperties { CorrelationData = data } : MqttProperties.Empty,
            }, token);
            answered.TrySetResult();
        };
        await responder.Client.ConnectAsync(host.Stopping);

        await requester.Client.SubscribeAsync("response/topic", MqttQualityOfService.AtMostOnce, host.Stopping);
        await responder.Client.SubscribeAsync("request/topic", MqttQualityOfService.AtMostOnce, host.Stopping);
        await requester.Client.PublishAsync(new MqttApplicationMessage
        {
            Topic = "request/topic",
            Payload = "action"u8.ToArray(),
            // Trap: a null byte[] (even a bare null in "x ? memory : null") converts to an empty, non-null ReadOnlyMemory.
            Properties = new MqttProperties { ResponseTopic = "response/topic", CorrelationData = correlation is null ? null : (ReadOnlyMemory<byte>?)correlation },
        }, host.Stopping);
        await answered.Task.WaitAsync(host.Stopping);
    }
}
