using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Tests.Fixtures;

internal static class Clients
{
    /// <summary>Options for a test client on loopback: exact reconnect delays (no jitter), short backoff.</summary>
    public static MqttClientOptions Options(int port, string clientId, MqttProtocolVersion version = MqttProtocolVersion.V500,
        TestLogger? logger = null) => new()
        {
            Port = port,
            ClientId = clientId,
            ProtocolVersion = version,
            ReconnectDelay = TimeSpan.FromMilliseconds(50),
            MaximumReconnectDelay = TimeSpan.FromMilliseconds(400),
            ReconnectJitter = 0,
            Logger = logger ?? new TestLogger(),
        };

    public static async Task<MqttClient> ConnectAsync(MqttClientOptions options, MessageCollector? collector = null)
    {
        var client = new MqttClient(options);
        if (collector is not null)
        {
            client.MessageHandler = collector.Handle;
        }

        await Within.Async(client.ConnectAsync(), $"{options.ClientId} to connect");
        return client;
    }
}
