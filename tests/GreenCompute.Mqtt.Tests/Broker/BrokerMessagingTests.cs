using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.Mqtt.Tests.Broker;

/// <summary>Our client against our embedded broker: QoS both ways, retained, wills, shared subscriptions, persistent sessions.</summary>
public sealed class BrokerMessagingTests
{
    public static TheoryData<MqttProtocolVersion> Versions => [MqttProtocolVersion.V311, MqttProtocolVersion.V500];

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Publish_EachQoS_ArrivesOnceAtTheLowerOfPublishAndSubscriptionQoS(MqttProtocolVersion version)
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var atTwo = new MessageCollector();
        var atOne = new MessageCollector();
        var log = new TestLogger();
        await using var subscriber2 = await Clients.ConnectAsync(Clients.Options(broker.Port, "sub2", version, log), atTwo);
        await using var subscriber1 = await Clients.ConnectAsync(Clients.Options(broker.Port, "sub1", version, log), atOne);
        await using var publisher = await Clients.ConnectAsync(Clients.Options(broker.Port, "pub", version, log));
        await subscriber2.SubscribeAsync("gc/+/qos", MqttQualityOfService.ExactlyOnce);
        await subscriber1.SubscribeAsync("gc/#", MqttQualityOfService.AtLeastOnce);

        var results = new List<MqttPublishResult>();
        foreach (var qos in new[] { MqttQualityOfService.AtMostOnce, MqttQualityOfService.AtLeastOnce, MqttQualityOfService.ExactlyOnce })
        {
            results.Add(await Within.Async(publisher.PublishAsync($"gc/{(int)qos}/qos", $"q{(int)qos}", qos), $"publish at QoS {qos}"));
        }

        await atTwo.WaitForAsync(3, "messages on the QoS 2 subscription");
        await atOne.WaitForAsync(3, "messages on the QoS 1 subscription");
        Assert.All(results, r => Assert.Equal(MqttPublishStatus.Delivered, r.Status));
        Assert.Equal(["q0", "q1", "q2"], atTwo.Payloads);
        Assert.Equal([0, 1, 2], atTwo.Messages.Select(m => (int)m.QualityOfService));
        Assert.Equal([0, 1, 1], atOne.Messages.Select(m => (int)m.QualityOfService));
        Assert.All(atTwo.Messages, m => Assert.False(m.Retain));
        log.AssertNoErrors();
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Retained_LateSubscriber_GetsItWithRetainSet_UntilAnEmptyPayloadClearsIt(MqttProtocolVersion version)
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var publisher = await Clients.ConnectAsync(Clients.Options(broker.Port, "pub", version));
        await publisher.PublishAsync("gc/v1/nodes/n1/state", "heating", MqttQualityOfService.AtLeastOnce, retain: true);

        var first = new MessageCollector();
        await using var late = await Clients.ConnectAsync(Clients.Options(broker.Port, "late", version), first);
        var granted = await late.SubscribeAsync("gc/v1/nodes/+/state", MqttQualityOfService.ExactlyOnce);
        await first.WaitForAsync(1, "the retained message");
        await publisher.PublishAsync("gc/v1/nodes/n1/state", "", MqttQualityOfService.AtLeastOnce, retain: true);
        var second = new MessageCollector();
        await using var later = await Clients.ConnectAsync(Clients.Options(broker.Port, "later", version), second);
        await later.SubscribeAsync("gc/v1/nodes/+/state", MqttQualityOfService.ExactlyOnce);
        await publisher.PublishAsync("gc/v1/nodes/n1/state", "marker", MqttQualityOfService.AtLeastOnce);
        await second.WaitForAsync(1, "the marker");

        Assert.Equal(MqttReasonCode.GrantedQoS2, granted.Items[0].ReasonCode);
        Assert.True(first.Messages[0].Retain);
        Assert.Equal(MqttQualityOfService.AtLeastOnce, first.Messages[0].QualityOfService);
        Assert.Equal("heating", first.Payloads[0]);
        Assert.Equal(["marker"], second.Payloads);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Will_OnlyAfterAnAbnormalEnd(MqttProtocolVersion version)
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var wills = new MessageCollector();
        await using var watcher = await Clients.ConnectAsync(Clients.Options(broker.Port, "watcher", version), wills);
        await watcher.SubscribeAsync("gc/will/#", MqttQualityOfService.AtLeastOnce);
        var polite = await Clients.ConnectAsync(WithWill(broker.Port, "polite", version));
        var dropped = await Clients.ConnectAsync(WithWill(broker.Port, "dropped", version));

        await polite.DisposeAsync();
        dropped.DropConnection();
        await wills.WaitForAsync(1, "the will of the dropped client");
        await watcher.PublishAsync("gc/will/marker", "marker", MqttQualityOfService.AtLeastOnce);
        await wills.WaitForAsync(2, "the marker");
        await dropped.DisposeAsync();

        Assert.Equal(["gc/will/dropped", "gc/will/marker"], wills.Messages.Select(m => m.Topic));
    }

    [Fact]
    public async Task Will_DisconnectWithWillMessage_IsPublished()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var wills = new MessageCollector();
        await using var watcher = await Clients.ConnectAsync(Clients.Options(broker.Port, "watcher"), wills);
        await watcher.SubscribeAsync("gc/will/#", MqttQualityOfService.AtLeastOnce);
        await using var leaving = await Clients.ConnectAsync(WithWill(broker.Port, "leaving", MqttProtocolVersion.V500));

        await leaving.DisconnectAsync(MqttReasonCode.DisconnectWithWillMessage);

        await wills.WaitForAsync(1, "the will after DISCONNECT 0x04");
        Assert.Equal("gc/will/leaving", wills.Messages[0].Topic);
    }

    [Fact]
    public async Task SharedSubscription_RoundRobin_EachMessageToOneMember()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var a = new MessageCollector();
        var b = new MessageCollector();
        var all = new MessageCollector();
        await using var workerA = await Clients.ConnectAsync(Clients.Options(broker.Port, "worker-a"), a);
        await using var workerB = await Clients.ConnectAsync(Clients.Options(broker.Port, "worker-b"), b);
        await using var auditor = await Clients.ConnectAsync(Clients.Options(broker.Port, "auditor"), all);
        await using var publisher = await Clients.ConnectAsync(Clients.Options(broker.Port, "pub"));
        await workerA.SubscribeAsync("$share/workers/gc/jobs/#", MqttQualityOfService.AtLeastOnce);
        await workerB.SubscribeAsync("$share/workers/gc/jobs/#", MqttQualityOfService.AtLeastOnce);
        await auditor.SubscribeAsync("gc/jobs/#", MqttQualityOfService.AtLeastOnce);

        for (var i = 0; i < 10; i++)
        {
            await publisher.PublishAsync($"gc/jobs/{i}", $"job{i}", MqttQualityOfService.AtLeastOnce);
        }

        await all.WaitForAsync(10, "every job at the non-shared subscriber");
        await a.WaitForAsync(5, "half of the jobs at worker A");
        await b.WaitForAsync(5, "half of the jobs at worker B");
        Assert.Equal(10, a.Payloads.Concat(b.Payloads).Distinct().Count());
        Assert.Equal(["job0", "job2", "job4", "job6", "job8"], a.Payloads);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task PersistentSession_OfflineSubscriber_GetsQueuedQoS12InOrder_NotQoS0(MqttProtocolVersion version)
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var received = new MessageCollector();
        var options = Clients.Options(broker.Port, "persistent", version);
        options.CleanStart = false;
        options.SessionExpiryInterval = version == MqttProtocolVersion.V500 ? 300u : 0u;
        await using var subscriber = await Clients.ConnectAsync(options, received);
        await subscriber.SubscribeAsync("gc/q/#", MqttQualityOfService.ExactlyOnce);
        await subscriber.DisconnectAsync();
        await Within.Until(() => broker.Broker.ConnectionCount == 0, "the broker to take the subscriber offline");
        await using var publisher = await Clients.ConnectAsync(Clients.Options(broker.Port, "pub", version));

        for (var i = 0; i < 9; i++)
        {
            await publisher.PublishAsync($"gc/q/{i}", $"m{i}", (MqttQualityOfService)(i % 3));
        }

        var resumed = await subscriber.ConnectAsync();
        await received.WaitForAsync(6, "the QoS 1/2 messages queued while offline");
        await publisher.PublishAsync("gc/q/live", "live", MqttQualityOfService.AtMostOnce);
        await received.WaitForAsync(7, "a live QoS 0 message after the queue");

        Assert.True(resumed.SessionPresent);
        Assert.Equal(["m1", "m2", "m4", "m5", "m7", "m8", "live"], received.Payloads);
        Assert.Equal(2, broker.Broker.SessionCount);
    }

    private static MqttClientOptions WithWill(int port, string clientId, MqttProtocolVersion version)
    {
        var options = Clients.Options(port, clientId, version);
        options.AutoReconnect = false;
        options.Will = new MqttWillMessage { Topic = $"gc/will/{clientId}", Payload = "gone"u8.ToArray(), QualityOfService = MqttQualityOfService.AtLeastOnce };
        return options;
    }
}
