using GreenCompute.Mqtt.Client;

namespace GreenCompute.Mqtt.Tests.Conformance.Replay;

/// <summary>A client under replay, with a task that completes when its connection ends.</summary>
internal sealed class ScenarioClient : IAsyncDisposable
{
    private readonly TaskCompletionSource _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ScenarioClient(MqttClient client)
    {
        Client = client;
        client.ConnectionStateChanged += (_, e) =>
        {
            if (!e.IsConnected)
            {
                _lost.TrySetResult();
            }
        };
    }

    public MqttClient Client { get; }

    public Task Lost => _lost.Task;

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
