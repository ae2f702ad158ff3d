using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.Mqtt.Tests.Interop;

/// <summary>Our client against a real Mosquitto 2.0 (its own process, port and folder per test).</summary>
public sealed class MosquittoInteropTests
{
    public static TheoryData<MqttProtocolVersion> Versions => [MqttProtocolVersion.V311, MqttProtocolVersion.V500];

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task PublishSubscribe_EachQoS_ArrivesOnceWithItsQoS(MqttProtocolVersion version)
    {
        await using var server = await MosquittoServer.StartAsync();
        var log = new TestLogger();
        var received = new MessageCollector();
        await using var subscriber = await Clients.ConnectAsync(Clients.Options(server.Port, "sub", version, log), received);
        await using var publisher = await Clients.ConnectAsync(Clients.Options(server.Port, "pub", version, log));

        var granted = await subscriber.SubscribeAsync("gc/test/#", MqttQualityOfService.ExactlyOnce);
        var results = new List<MqttPublishResult>();
        foreach (var qos in new[] { MqttQualityOfService.AtMostOnce, MqttQualityOfService.AtLeastOnce, MqttQualityOfService.ExactlyOnce })
        {
            results.Add(await Within.Async(publisher.PublishAsync($"gc/test/{(int)qos}", $"qos{(int)qos}", qos), $"publish QoS {qos}"));
        }

        await received.WaitForAsync(3, "messages at QoS 0, 1, 2");
        Assert.Equal(MqttReasonCode.GrantedQoS2, granted.Items.Single().ReasonCode);
        Assert.All(results, r => Assert.Equal(MqttPublishStatus.Delivered, r.Status));
        Assert.Equal(["qos0", "qos1", "qos2"], received.Payloads);
        Assert.Equal([0, 1, 2], received.Messages.Select(m => (int)m.QualityOfService));
        log.AssertNoErrors();
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Retained_NewSubscriber_GetsItUntilCleared(MqttProtocolVersion version)
    {
        await using var server = await MosquittoServer.StartAsync();
        await using var publisher = await Clients.ConnectAsync(Clients.Options(server.Port, "pub", version));
        await publisher.PublishAsync("gc/retained/a", "kept", MqttQualityOfService.AtLeastOnce, retain: true);

        var first = new MessageCollector();
        await using var late = await Clients.ConnectAsync(Clients.Options(server.Port, "late", version), first);
        await late.SubscribeAsync("gc/retained/+", MqttQualityOfService.AtLeastOnce);
        await first.WaitForAsync(1, "the retained message");

        await publisher.PublishAsync("gc/retained/a", "", MqttQualityOfService.AtLeastOnce, retain: true);
        var second = new MessageCollector();
        await using var later = await Clients.ConnectAsync(Clients.Options(server.Port, "later", version), second);
        await later.SubscribeAsync("gc/retained/+", MqttQualityOfService.AtLeastOnce);
        await later.PublishAsync("gc/retained/marker", "after-subscribe", MqttQualityOfService.AtLeastOnce);
        await second.WaitForAsync(1, "the marker published after subscribing");

        Assert.True(first.Messages[0].Retain);
        Assert.Equal("kept", first.Payloads[0]);
        Assert.Equal(["after-subscribe"], second.Payloads);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Will_ConnectionDroppedWithoutDisconnect_IsPublished(MqttProtocolVersion version)
    {
        await using var server = await MosquittoServer.StartAsync();
        var wills = new MessageCollector();
        await using var watcher = await Clients.ConnectAsync(Clients.Options(server.Port, "watcher", version), wills);
        await watcher.SubscribeAsync("gc/will/#", MqttQualityOfService.AtLeastOnce);
        var options = Clients.Options(server.Port, "node-7", version);
        options.AutoReconnect = false;
        options.Will = new MqttWillMessage { Topic = "gc/will/node-7", Payload = "offline"u8.ToArray(), QualityOfService = MqttQualityOfService.AtLeastOnce };
        await using var node = await Clients.ConnectAsync(options);

        node.DropConnection();

        await wills.WaitForAsync(1, "the will of the dropped client");
        Assert.Equal("offline", wills.Payloads.Single());
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Will_NormalDisconnect_IsNotPublished(MqttProtocolVersion version)
    {
        await using var server = await MosquittoServer.StartAsync();
        var wills = new MessageCollector();
        await using var watcher = await Clients.ConnectAsync(Clients.Options(server.Port, "watcher", version), wills);
        await watcher.SubscribeAsync("gc/will/#", MqttQualityOfService.AtLeastOnce);
        var options = Clients.Options(server.Port, "node-8", version);
        options.Will = new MqttWillMessage { Topic = "gc/will/node-8", Payload = "offline"u8.ToArray() };
        var node = await Clients.ConnectAsync(options);

        await node.DisposeAsync();
        await watcher.PublishAsync("gc/will/marker", "marker", MqttQualityOfService.AtLeastOnce);

        await wills.WaitForAsync(1, "the marker after the normal disconnect");
        Assert.Equal(["marker"], wills.Payloads);
    }
}
