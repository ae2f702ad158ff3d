using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.Mqtt.Tests.Client;

/// <summary>The pending queue policy and counters, with a client that never connected (every publish waits offline).</summary>
public sealed class ClientQueueTests
{
    [Fact]
    public async Task PendingQueue_Full_DropsOldestQoS0_ThenRefusesQoS12()
    {
        var options = Clients.Options(1, "offline");
        options.PendingQueueCapacity = 3;
        await using var client = new MqttClient(options);

        var oldestQoS0 = client.PublishAsync("gc/a", "0a");
        var qos1 = client.PublishAsync("gc/a", "1a", MqttQualityOfService.AtLeastOnce);
        var qos2 = client.PublishAsync("gc/a", "2a", MqttQualityOfService.ExactlyOnce);
        var newerQoS0 = client.PublishAsync("gc/a", "0b");
        var evictsQoS0 = client.PublishAsync("gc/a", "1b", MqttQualityOfService.AtLeastOnce);
        var noRoomQoS0 = client.PublishAsync("gc/a", "0c");
        var refused = await Within.Async(
            Assert.ThrowsAsync<MqttPendingQueueFullException>(() => client.PublishAsync("gc/a", "1c", MqttQualityOfService.AtLeastOnce)),
            "the refusal of a QoS 1 message by a queue full of QoS 1/2");

        Assert.Equal(MqttPublishStatus.Dropped, (await oldestQoS0).Status);
        Assert.Equal(MqttPublishStatus.Dropped, (await newerQoS0).Status);
        Assert.Equal(MqttPublishStatus.Dropped, (await noRoomQoS0).Status);
        Assert.False(qos1.IsCompleted || qos2.IsCompleted || evictsQoS0.IsCompleted);
        Assert.Equal(3, refused.Capacity);
        var counters = client.Counters;
        Assert.Equal((3L, 1L, 3), (counters.DroppedQoS0, counters.RefusedQueueFull, counters.Pending));
    }

    [Fact]
    public async Task PendingQueue_CancelledPublish_LeavesTheQueue()
    {
        await using var client = new MqttClient(Clients.Options(1, "offline"));
        using var cancel = new CancellationTokenSource();
        var publish = client.PublishAsync("gc/a", "x", MqttQualityOfService.AtLeastOnce, cancellationToken: cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publish);
        Assert.Equal(0, client.Counters.Pending);
    }

    [Fact]
    public async Task Dispose_FailsWhatIsStillPending()
    {
        var client = new MqttClient(Clients.Options(1, "offline"));
        var publish = client.PublishAsync("gc/a", "x", MqttQualityOfService.ExactlyOnce);

        await client.DisposeAsync();

        await Within.Async(Assert.ThrowsAsync<ObjectDisposedException>(() => publish), "the pending publish to fail on dispose");
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(4, 800)]
    [InlineData(5, 1000)]
    [InlineData(30, 1000)]
    public void Backoff_DoublesUpToTheCap(int attempt, int expectedMilliseconds)
    {
        var options = new MqttClientOptions { ReconnectDelay = TimeSpan.FromMilliseconds(100), MaximumReconnectDelay = TimeSpan.FromSeconds(1), ReconnectJitter = 0.2 };
        var reconnector = new ClientReconnector(options, _ => Task.FromResult(true));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), reconnector.DelayFor(attempt, random: 0.5));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds * 0.8), reconnector.DelayFor(attempt, random: 0));
    }

    [Fact]
    public void PacketIdentifiers_WrapAroundAndSkipThoseInUse()
    {
        var pool = new PacketIdentifierPool();
        var first = pool.Allocate();
        for (var i = 2; i < ushort.MaxValue; i++)
        {
            pool.Release(pool.Allocate());
        }

        var last = pool.Allocate();
        var wrapped = pool.Allocate();

        Assert.Equal((1, 65535, 2), (first, last, wrapped));
        Assert.True(pool.IsUsed(1));
    }

    [Theory]
    [InlineData("session expiry on 3.1.1")]
    [InlineData("password without user name on 3.1.1")]
    [InlineData("keep alive not whole seconds")]
    [InlineData("persistent 3.1.1 session without client id")]
    public void Options_Invalid_AreRefusedAtConstruction(string invalid)
    {
        var options = invalid switch
        {
            "session expiry on 3.1.1" => new MqttClientOptions { ProtocolVersion = MqttProtocolVersion.V311, SessionExpiryInterval = 60 },
            "password without user name on 3.1.1" => new MqttClientOptions { ProtocolVersion = MqttProtocolVersion.V311, Password = "pw" },
            "keep alive not whole seconds" => new MqttClientOptions { KeepAlive = TimeSpan.FromSeconds(1.5) },
            _ => new MqttClientOptions { ProtocolVersion = MqttProtocolVersion.V311, CleanStart = false },
        };

        Assert.Throws<ArgumentException>(() => new MqttClient(options));
    }
}
