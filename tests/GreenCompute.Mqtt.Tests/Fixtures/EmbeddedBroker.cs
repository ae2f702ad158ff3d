using GreenCompute.Mqtt.Broker;

namespace GreenCompute.Mqtt.Tests.Fixtures;

/// <summary>An embedded broker on a free loopback port for one test; fails the test on any error it logged.</summary>
internal sealed class EmbeddedBroker : IAsyncDisposable
{
    private EmbeddedBroker(MqttBroker broker, TestLogger log)
    {
        Broker = broker;
        Log = log;
    }

    public MqttBroker Broker { get; }

    public TestLogger Log { get; }

    public int Port => Broker.Port;

    public static async Task<EmbeddedBroker> StartAsync(Action<MqttBrokerOptions>? configure = null)
    {
        var log = new TestLogger();
        var options = new MqttBrokerOptions { Port = 0, Logger = log };
        configure?.Invoke(options);
        var broker = new MqttBroker(options);
        await broker.StartAsync();
        return new EmbeddedBroker(broker, log);
    }

    public async ValueTask DisposeAsync()
    {
        await Broker.DisposeAsync();
        Log.AssertNoErrors();
    }
}
