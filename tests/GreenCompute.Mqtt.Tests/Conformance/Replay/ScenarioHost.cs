using GreenCompute.Core.Time;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.Mqtt.Tests.Conformance.Replay;

/// <summary>What a scenario's client program gets: the fake broker's port, the clock, and options with libmosquitto's defaults.</summary>
internal sealed class ScenarioHost(int port, ManualTimeProvider? clock) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public TestLogger Log { get; } = new();

    /// <summary>Set once the program's (first) client is connected; steps that move the manual clock wait for it.</summary>
    public TaskCompletionSource Connected { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Cancelled when the script ends, so a program waiting on a flow the script never finishes gives up.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public ManualTimeProvider? Clock => clock;

    /// <summary>libmosquitto's defaults as the scenarios expect them: keep alive 60, clean session, receive maximum 20 (v5).</summary>
    public MqttClientOptions Options(string clientId, MqttProtocolVersion version = MqttProtocolVersion.V311, int keepAlive = 60) => new()
    {
        Port = port,
        ClientId = clientId,
        ProtocolVersion = version,
        KeepAlive = TimeSpan.FromSeconds(keepAlive),
        ReceiveMaximum = version == MqttProtocolVersion.V500 ? (ushort)20 : null,
        AutoReconnect = false,
        ReconnectDelay = TimeSpan.FromMilliseconds(20),
        MaximumReconnectDelay = TimeSpan.FromMilliseconds(20),
        ReconnectJitter = 0,
        PingTimeout = TimeSpan.FromSeconds(30),
        TimeProvider = clock ?? TimeProvider.System,
        Logger = Log,
    };

    public async Task<ScenarioClient> ConnectAsync(MqttClientOptions options, MessageCollector? collector = null)
    {
        var client = new ScenarioClient(new MqttClient(options));
        if (collector is not null)
        {
            client.Client.MessageHandler = collector.Handle;
        }

        await client.Client.ConnectAsync(Stopping);
        Connected.TrySetResult();
        return client;
    }

    /// <summary>The script reads CONNECT and closes: the attempt must fail cleanly.</summary>
    public async Task ConnectRefusedAsync(MqttClientOptions options)
    {
        await using var client = new MqttClient(options);
        await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync(Stopping));
    }

    public void Stop() => _stopping.Cancel();

    public void Dispose() => _stopping.Dispose();
}
