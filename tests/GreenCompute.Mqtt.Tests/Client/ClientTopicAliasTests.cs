using System.Net;
using System.Net.Sockets;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.Mqtt.Tests.Client;

/// <summary>Outgoing MQTT 5 topic aliases: exact packets against a fake broker, delivery through the embedded broker and Mosquitto.</summary>
public sealed class ClientTopicAliasTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public ClientTopicAliasTests() => _listener.Start();

    public void Dispose() => _listener.Stop();

    [Fact]
    public async Task UseTopicAliases_ServerAllowsTwo_FirstUseSetsAlias_RepeatSendsOnlyAlias_ThirdTopicInFull()
    {
        var options = Clients.Options(((IPEndPoint)_listener.LocalEndpoint).Port, "aliasing");
        options.UseTopicAliases = true;
        await using var client = new MqttClient(options);
        var connecting = client.ConnectAsync();
        await using var broker = await RawConnection.AcceptAsync(_listener);
        await broker.ExpectAsync<MqttConnectPacket>("CONNECT");
        await broker.SendAsync(new MqttConnAckPacket { Properties = new MqttProperties { TopicAliasMaximum = 2 } });
        await connecting;

        foreach (var topic in new[] { "gc/a", "gc/b", "gc/a", "gc/c", "gc/b" })
        {
            await client.PublishAsync(topic, "x");
        }

        var sent = new List<(string Topic, ushort? Alias)>();
        for (var i = 0; i < 5; i++)
        {
            var publish = await broker.ExpectAsync<MqttPublishPacket>($"PUBLISH #{i + 1}");
            sent.Add((publish.Topic, publish.Properties.TopicAlias));
        }

        Assert.Equal([("gc/a", 1), ("gc/b", 2), ("", 1), ("gc/c", null), ("", 2)], sent.Select(s => (s.Topic, (int?)s.Alias)));
    }

    [Fact]
    public async Task UseTopicAliases_ServerAllowsNone_TopicsGoOutInFull()
    {
        var options = Clients.Options(((IPEndPoint)_listener.LocalEndpoint).Port, "no-aliases");
        options.UseTopicAliases = true;
        await using var client = new MqttClient(options);
        var connecting = client.ConnectAsync();
        await using var broker = await RawConnection.AcceptAsync(_listener);
        await broker.ExpectAsync<MqttConnectPacket>("CONNECT");
        await broker.SendAsync(new MqttConnAckPacket());
        await connecting;

        await client.PublishAsync("gc/a", "x");
        await client.PublishAsync("gc/a", "y");

        for (var i = 0; i < 2; i++)
        {
            var publish = await broker.ExpectAsync<MqttPublishPacket>($"PUBLISH #{i + 1}");
            Assert.Equal("gc/a", publish.Topic);
            Assert.Null(publish.Properties.TopicAlias);
        }
    }

    [Theory]
    [InlineData(false, MqttQualityOfService.AtMostOnce)]
    [InlineData(false, MqttQualityOfService.AtLeastOnce)]
    [InlineData(false, MqttQualityOfService.ExactlyOnce)]
    [InlineData(true, MqttQualityOfService.AtMostOnce)]
    [InlineData(true, MqttQualityOfService.AtLeastOnce)]
    [InlineData(true, MqttQualityOfService.ExactlyOnce)]
    public async Task UseTopicAliases_RealBroker_EveryMessageArrivesWithItsFullTopic(bool mosquitto, MqttQualityOfService qos)
    {
        // Both brokers allow 10 aliases: 12 topics use them all and two go out in full.
        await using var embedded = mosquitto ? null : await EmbeddedBroker.StartAsync();
        await using var server = mosquitto ? await MosquittoServer.StartAsync() : null;
        var port = embedded?.Port ?? server!.Port;
        var received = new MessageCollector();
        await using var subscriber = await Clients.ConnectAsync(Clients.Options(port, $"alias-sub-{qos}"), received);
        await Within.Async(subscriber.SubscribeAsync("alias/#", qos), "SUBACK");
        var options = Clients.Options(port, $"alias-pub-{qos}");
        options.UseTopicAliases = true;
        await using var publisher = await Clients.ConnectAsync(options);
        Assert.Equal(10, publisher.ConnectResult!.TopicAliasMaximum);

        var expected = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            for (var t = 0; t < 12; t++)
            {
                var topic = $"alias/t{t}";
                expected.Add($"{topic}={round}");
                var result = await Within.Async(publisher.PublishAsync(topic, $"{round}", qos), $"publish to {topic}");
                Assert.True(result.IsSuccess, $"{topic}: {result.ReasonCode}");
            }
        }

        await received.WaitForAsync(expected.Count, "every aliased message");
        Assert.Equal(expected.Order(), received.Messages.Select(m => $"{m.Topic}={m.GetPayloadText()}").Order());
    }
}
