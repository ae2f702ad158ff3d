using GreenCompute.Core.Time;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Fixtures;
using Microsoft.Extensions.Logging;

namespace GreenCompute.Mqtt.Tests.Broker;

/// <summary>Broker-side protocol rules, driven byte by byte with a raw peer and a manual clock where time matters.</summary>
public sealed class BrokerProtocolTests
{
    [Fact]
    public async Task KeepAlive_ClientSilentForOneAndAHalfPeriods_IsDisconnectedAndItsWillPublished()
    {
        var time = new ManualTimeProvider();
        await using var broker = await EmbeddedBroker.StartAsync(o => o.TimeProvider = time);
        var wills = new MessageCollector();
        await using var watcher = await Clients.ConnectAsync(Clients.Options(broker.Port, "watcher"), wills);
        await watcher.SubscribeAsync("gc/will/#", MqttQualityOfService.AtLeastOnce);
        await using var silent = await RawConnection.OpenAsync(broker.Port);
        await silent.SendAsync(new MqttConnectPacket
        {
            ProtocolVersion = MqttProtocolVersion.V500,
            ClientId = "silent",
            KeepAliveSeconds = 2,
            Will = new MqttWillMessage { Topic = "gc/will/silent", Payload = "gone"u8.ToArray() },
        });
        await silent.ExpectAsync<MqttConnAckPacket>("CONNACK");

        time.Advance(TimeSpan.FromSeconds(2.9));
        await silent.SendAsync(MqttPingReqPacket.Instance);
        await silent.ExpectAsync<MqttPingRespPacket>("PINGRESP 2.9 s after CONNACK (within 1.5 × 2 s)");
        time.Advance(TimeSpan.FromSeconds(2.9));
        await silent.SendAsync(MqttPingReqPacket.Instance);
        await silent.ExpectAsync<MqttPingRespPacket>("PINGRESP 2.9 s after the last PINGREQ");
        time.Advance(TimeSpan.FromSeconds(3));
        var last = await silent.ReadUntilClosedAsync("the broker to close the silent connection");
        await wills.WaitForAsync(1, "the will of the silent client");

        Assert.Equal(MqttReasonCode.KeepAliveTimeout, Assert.IsType<MqttDisconnectPacket>(Assert.Single(last)).ReasonCode);
        Assert.Equal("gone", wills.Payloads[0]);
    }

    [Fact]
    public async Task KeepAlive_OurClientWithAStoppedClock_IsDisconnected()
    {
        var brokerTime = new ManualTimeProvider();
        await using var broker = await EmbeddedBroker.StartAsync(o => o.TimeProvider = brokerTime);
        var options = Clients.Options(broker.Port, "frozen");
        options.TimeProvider = new ManualTimeProvider();
        options.KeepAlive = TimeSpan.FromSeconds(2);
        options.AutoReconnect = false;
        await using var client = await Clients.ConnectAsync(options);
        var lost = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ConnectionStateChanged += (_, e) => lost.TrySetResult(e.Reason);

        brokerTime.Advance(TimeSpan.FromSeconds(3));

        var reason = await Within.Async(lost.Task, "the client to see the keep alive disconnect");
        Assert.Contains("KeepAliveTimeout", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectTimeout_NoConnect_ConnectionClosed()
    {
        var time = new ManualTimeProvider();
        await using var broker = await EmbeddedBroker.StartAsync(o => o.TimeProvider = time);
        await using var idle = await RawConnection.OpenAsync(broker.Port);
        await Within.Until(() => broker.Broker.ConnectionCount == 1, "the broker to accept the connection");

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Empty(await idle.ReadUntilClosedAsync("the broker to close a connection without CONNECT"));
    }

    [Fact]
    public async Task MalformedPacket_AfterConnect_DisconnectWithReasonAndLogged()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var peer = await ConnectRawAsync(broker.Port, "bad-bytes");

        await peer.SendBytesAsync([0x00, 0x00]);

        var last = await peer.ReadUntilClosedAsync("the broker to close after a reserved packet type");
        Assert.Equal(MqttReasonCode.MalformedPacket, Assert.IsType<MqttDisconnectPacket>(Assert.Single(last)).ReasonCode);
        await Within.Until(() => broker.Log.Messages(LogLevel.Warning).Any(m => m.Contains("reserved", StringComparison.Ordinal)), "the warning naming the reason");
    }

    [Fact]
    public async Task MaximumPacketSize_Exceeded_Disconnect0x95_AndOurClientRefusesToSend()
    {
        await using var broker = await EmbeddedBroker.StartAsync(o => o.MaximumPacketSize = 128);
        await using var peer = await ConnectRawAsync(broker.Port, "big");
        await using var client = await Clients.ConnectAsync(Clients.Options(broker.Port, "careful"));

        await peer.SendAsync(new MqttPublishPacket { Topic = "gc/big", Payload = new byte[200] });
        var refused = await Assert.ThrowsAsync<MqttProtocolException>(() => client.PublishAsync(new MqttApplicationMessage { Topic = "gc/big", Payload = new byte[200] }));

        var last = await peer.ReadUntilClosedAsync("the broker to close after an oversize packet");
        Assert.Equal(MqttReasonCode.PacketTooLarge, Assert.IsType<MqttDisconnectPacket>(Assert.Single(last)).ReasonCode);
        Assert.Equal(MqttReasonCode.PacketTooLarge, refused.ReasonCode);
        Assert.Equal(128u, client.ConnectResult!.MaximumPacketSize);
    }

    [Fact]
    public async Task UnsupportedProtocolLevel_ConnAckReturnCode1()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var peer = await RawConnection.OpenAsync(broker.Port, MqttProtocolVersion.V311);

        await peer.SendBytesAsync(Convert.FromHexString("100D00044D5154540602003C000178"));

        var answer = await peer.ReadUntilClosedAsync("CONNACK and close for protocol level 6");
        Assert.Equal(MqttReasonCode.UnsupportedProtocolVersion, Assert.IsType<MqttConnAckPacket>(Assert.Single(answer)).ReasonCode);
    }

    [Fact]
    public async Task SessionTakeover_SecondConnection_FirstGetsDisconnect0x8E()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var first = await ConnectRawAsync(broker.Port, "twin");
        await using var second = await ConnectRawAsync(broker.Port, "twin");

        var last = await first.ReadUntilClosedAsync("the first connection to be taken over");

        Assert.Equal(MqttReasonCode.SessionTakenOver, Assert.IsType<MqttDisconnectPacket>(Assert.Single(last)).ReasonCode);
        await second.SendAsync(MqttPingReqPacket.Instance);
        await second.ExpectAsync<MqttPingRespPacket>("PINGRESP on the new connection");
    }

    [Fact]
    public async Task TopicAlias_SetThenUsed_RoutesToTheAliasedTopic_BeyondMaximumIs0x94()
    {
        await using var broker = await EmbeddedBroker.StartAsync(o => o.TopicAliasMaximum = 10);
        var received = new MessageCollector();
        await using var subscriber = await Clients.ConnectAsync(Clients.Options(broker.Port, "sub"), received);
        await subscriber.SubscribeAsync("gc/alias/#", MqttQualityOfService.AtMostOnce);
        await using var peer = await ConnectRawAsync(broker.Port, "aliaser");

        await peer.SendAsync(new MqttPublishPacket { Topic = "gc/alias/a", Payload = "1"u8.ToArray(), Properties = new MqttProperties { TopicAlias = 3 } });
        await peer.SendAsync(new MqttPublishPacket { Topic = "", Payload = "2"u8.ToArray(), Properties = new MqttProperties { TopicAlias = 3 } });
        await received.WaitForAsync(2, "both aliased messages");
        await peer.SendAsync(new MqttPublishPacket { Topic = "gc/alias/b", Properties = new MqttProperties { TopicAlias = 11 } });

        var last = await peer.ReadUntilClosedAsync("the broker to close after alias 11");
        Assert.Equal(["gc/alias/a", "gc/alias/a"], received.Messages.Select(m => m.Topic));
        Assert.Equal(MqttReasonCode.TopicAliasInvalid, Assert.IsType<MqttDisconnectPacket>(Assert.Single(last)).ReasonCode);
    }

    [Fact]
    public async Task ReceiveMaximum_OfTheClient_LimitsMessagesInFlightTowardsIt()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var peer = await ConnectRawAsync(broker.Port, "slow", new MqttProperties { ReceiveMaximum = 1 });
        await peer.SendAsync(new MqttSubscribePacket
        {
            PacketIdentifier = 1,
            Subscriptions = [new MqttSubscription { TopicFilter = "gc/slow/#", MaximumQualityOfService = MqttQualityOfService.AtLeastOnce }],
        });
        await peer.ExpectAsync<MqttSubAckPacket>("SUBACK");
        await using var publisher = await Clients.ConnectAsync(Clients.Options(broker.Port, "pub"));

        for (var i = 0; i < 3; i++)
        {
            await publisher.PublishAsync($"gc/slow/{i}", $"m{i}", MqttQualityOfService.AtLeastOnce);
        }

        var first = await peer.ExpectAsync<MqttPublishPacket>("the first PUBLISH");
        var held = broker.Broker.Core.SessionState("slow");
        await peer.SendAsync(new MqttPubAckPacket { PacketIdentifier = first.PacketIdentifier });
        var second = await peer.ExpectAsync<MqttPublishPacket>("the second PUBLISH after PUBACK");

        Assert.Equal((2, 1), held);
        Assert.Equal("gc/slow/1", second.Topic);
    }

    [Fact]
    public async Task SessionExpiry_Elapsed_SessionIsGone()
    {
        var time = new ManualTimeProvider();
        await using var broker = await EmbeddedBroker.StartAsync(o => o.TimeProvider = time);
        var options = Clients.Options(broker.Port, "expiring");
        options.CleanStart = false;
        options.SessionExpiryInterval = 10;
        await using var client = await Clients.ConnectAsync(options);
        await client.SubscribeAsync("gc/x", MqttQualityOfService.AtLeastOnce);
        await client.DisconnectAsync();

        // The expiry clock starts when the broker has handled the DISCONNECT: wait for it before moving time.
        await Within.Until(() => broker.Broker.ConnectionCount == 0, "the broker to end the first connection");
        time.Advance(TimeSpan.FromSeconds(9));
        var before = await client.ConnectAsync();
        await client.DisconnectAsync();
        await Within.Until(() => broker.Broker.ConnectionCount == 0, "the broker to end the second connection");
        time.Advance(TimeSpan.FromSeconds(10));
        var after = await client.ConnectAsync();

        Assert.True(before.SessionPresent);
        Assert.False(after.SessionPresent);
    }

    [Fact]
    public async Task WillDelay_ResumedWithinTheDelay_NoWill_OtherwiseWillAfterTheDelay()
    {
        var time = new ManualTimeProvider();
        await using var broker = await EmbeddedBroker.StartAsync(o => o.TimeProvider = time);
        var wills = new MessageCollector();
        await using var watcher = await Clients.ConnectAsync(Clients.Options(broker.Port, "watcher"), wills);
        await watcher.SubscribeAsync("gc/will/#", MqttQualityOfService.AtLeastOnce);
        var options = Clients.Options(broker.Port, "delayed");
        (options.CleanStart, options.SessionExpiryInterval, options.AutoReconnect) = (false, 60, false);
        options.Will = new MqttWillMessage { Topic = "gc/will/delayed", Payload = "gone"u8.ToArray(), Properties = new MqttProperties { WillDelayInterval = 5 } };
        await using var node = await Clients.ConnectAsync(options);

        node.DropConnection();
        await Within.Until(() => broker.Broker.ConnectionCount == 1, "the broker to see the dropped connection");
        time.Advance(TimeSpan.FromSeconds(4));
        await node.ConnectAsync();
        time.Advance(TimeSpan.FromSeconds(2));
        await watcher.PublishAsync("gc/will/marker", "marker", MqttQualityOfService.AtLeastOnce);
        await wills.WaitForAsync(1, "the marker");
        node.DropConnection();
        await Within.Until(() => broker.Broker.ConnectionCount == 1, "the broker to see the second drop");
        time.Advance(TimeSpan.FromSeconds(5));
        await wills.WaitForAsync(2, "the will once the delay ran out");

        Assert.Equal(["marker", "gone"], wills.Payloads);
    }

    [Fact]
    public async Task BrokerReplaced_SessionLost_ClientResubscribesAndPendingMessagesFlow()
    {
        var first = await EmbeddedBroker.StartAsync();
        var port = first.Port;
        var received = new MessageCollector();
        var options = Clients.Options(port, "survivor");
        options.CleanStart = false;
        options.SessionExpiryInterval = 600;
        await using var subscriber = await Clients.ConnectAsync(options, received);
        await using var publisher = await Clients.ConnectAsync(Clients.Options(port, "pub"));
        await subscriber.SubscribeAsync("gc/survive/#", MqttQualityOfService.AtLeastOnce);
        var back = new TaskCompletionSource<MqttConnectResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        subscriber.ConnectionStateChanged += (_, e) =>
        {
            if (e.ConnectResult is { } result)
            {
                back.TrySetResult(result);
            }
        };

        await first.DisposeAsync();
        var whileDown = publisher.PublishAsync("gc/survive/1", "while down", MqttQualityOfService.AtLeastOnce);
        await using var second = await EmbeddedBroker.StartAsync(o => o.Port = port);
        var resumed = await Within.Async(back.Task, "the subscriber to reconnect to the new broker");
        var pending = await Within.Async(whileDown, "the message published while the broker was down");
        await publisher.PublishAsync("gc/survive/2", "after", MqttQualityOfService.AtLeastOnce);

        // The new broker knows nothing of the old session: "after" arrives only through the client's re-subscription,
        // made before the client reported the connection. ("while down" may arrive too: it depends on which client
        // reconnected first.)
        await received.WaitForPayloadAsync("after");
        Assert.False(resumed.SessionPresent);
        Assert.Equal(MqttPublishStatus.Delivered, pending.Status);
    }

    [Fact]
    public async Task Publish_SplitAcrossWritesAndSeveralInOneWrite_EachRoutedOnceInOrder()
    {
        // The broker reads with zero-byte reads (no buffer while idle): packets cut anywhere and packets sharing a
        // segment must still come out whole, once each, in order.
        await using var broker = await EmbeddedBroker.StartAsync();
        var received = new MessageCollector();
        await using var subscriber = await Clients.ConnectAsync(Clients.Options(broker.Port, "sub"), received);
        await subscriber.SubscribeAsync("gc/split/#", MqttQualityOfService.AtLeastOnce);
        await using var peer = await ConnectRawAsync(broker.Port, "splitter");
        var encoder = new GreenCompute.Mqtt.Formatting.MqttPacketEncoder(MqttProtocolVersion.V500);
        byte[] bytes = [.. new[] { "a", "b", "c", "d" }.Select((text, i) => new MqttPublishPacket
        {
            Topic = "gc/split/" + text, QualityOfService = MqttQualityOfService.AtLeastOnce, PacketIdentifier = (ushort)(i + 1),
            Payload = System.Text.Encoding.UTF8.GetBytes(text), Properties = MqttProperties.Empty,
        }).SelectMany(encoder.Encode)];

        // 18 bytes each. One byte (inside the first fixed header); then the rest of the first packet, the second and 5
        // bytes of the third; then the remainder. PUBACKs are awaited before the last write, so it is read on its own.
        var cut = (2 * 18) + 5;
        await peer.SendBytesAsync(bytes[..1]);
        await peer.SendBytesAsync(bytes[1..cut]);
        Assert.Equal(1, (await peer.ExpectAsync<MqttPubAckPacket>("PUBACK 1")).PacketIdentifier);
        Assert.Equal(2, (await peer.ExpectAsync<MqttPubAckPacket>("PUBACK 2")).PacketIdentifier);
        await peer.SendBytesAsync(bytes[cut..]);
        Assert.Equal(3, (await peer.ExpectAsync<MqttPubAckPacket>("PUBACK 3")).PacketIdentifier);
        Assert.Equal(4, (await peer.ExpectAsync<MqttPubAckPacket>("PUBACK 4")).PacketIdentifier);
        Assert.Equal(4 * 18, bytes.Length);

        await received.WaitForAsync(4, "the four messages at the subscriber");
        Assert.Equal(["a", "b", "c", "d"], received.Payloads);
    }

    private static async Task<RawConnection> ConnectRawAsync(int port, string clientId, MqttProperties? properties = null)
    {
        var peer = await RawConnection.OpenAsync(port);
        await peer.SendAsync(new MqttConnectPacket { ProtocolVersion = MqttProtocolVersion.V500, ClientId = clientId, Properties = properties ?? MqttProperties.Empty });
        await peer.ExpectAsync<MqttConnAckPacket>($"CONNACK for {clientId}");
        return peer;
    }
}
