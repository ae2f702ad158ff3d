using System.Net;
using System.Net.Sockets;
using GreenCompute.Core.Time;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.Mqtt.Tests.Client;

/// <summary>Client behaviour driven packet by packet by a hand-written fake broker (the lowest seam: the socket).</summary>
public sealed class ClientFakeBrokerTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public ClientFakeBrokerTests() => _listener.Start();

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose() => _listener.Stop();

    [Fact]
    public async Task KeepAlive_NoPingResp_ConnectionDeclaredDeadThenReconnected()
    {
        var clock = new ManualTimeProvider();
        var options = Clients.Options(Port, "pinger");
        (options.TimeProvider, options.KeepAlive, options.PingTimeout) = (clock, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2));
        (options.ReconnectDelay, options.MaximumReconnectDelay) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));
        await using var client = new MqttClient(options);
        var lost = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ConnectionStateChanged += (_, e) =>
        {
            if (!e.IsConnected)
            {
                lost.TrySetResult(e.Reason);
            }
        };
        var connecting = client.ConnectAsync();
        await using (var first = await AcceptAsync())
        {
            await connecting;
            clock.Advance(TimeSpan.FromSeconds(5));
            await first.ExpectAsync<MqttPingReqPacket>("PINGREQ after 5 s idle");
            clock.Advance(TimeSpan.FromSeconds(2));
            Assert.Contains("PINGRESP", await Within.Async(lost.Task, "the client to give up on the silent broker"), StringComparison.Ordinal);
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        await using var second = await RawConnection.AcceptAsync(_listener);
        var reconnect = await second.ExpectAsync<MqttConnectPacket>("CONNECT of the reconnection after the 1 s backoff");
        Assert.Equal("pinger", reconnect.ClientId);
    }

    [Fact]
    public async Task IncomingTopicAlias_SetThenUsed_DeliveredWithTheFullTopic_UnknownAliasClosesWith0x94()
    {
        var options = Clients.Options(Port, "aliased");
        options.TopicAliasMaximum = 5;
        var received = new MessageCollector();
        await using var client = new MqttClient(options) { MessageHandler = received.Handle };
        var connecting = client.ConnectAsync();
        await using var broker = await AcceptAsync();
        await connecting;

        await broker.SendAsync(new MqttPublishPacket { Topic = "gc/v1/nodes/n1/cmd", Payload = "a"u8.ToArray(), Properties = new MqttProperties { TopicAlias = 2 } });
        await broker.SendAsync(new MqttPublishPacket { Topic = "", Payload = "b"u8.ToArray(), Properties = new MqttProperties { TopicAlias = 2 } });
        await received.WaitForAsync(2, "both messages");
        await broker.SendAsync(new MqttPublishPacket { Topic = "x", Properties = new MqttProperties { TopicAlias = 6 } });

        var last = await broker.ReadUntilClosedAsync("the client to close on alias 6 (maximum 5)");
        Assert.Equal(["gc/v1/nodes/n1/cmd", "gc/v1/nodes/n1/cmd"], received.Messages.Select(m => m.Topic));
        Assert.All(received.Messages, m => Assert.Null(m.Properties.TopicAlias));
        Assert.Equal(MqttReasonCode.TopicAliasInvalid, Assert.IsType<MqttDisconnectPacket>(Assert.Single(last)).ReasonCode);
    }

    [Fact]
    public async Task IncomingQoS2_ResentBeforePubRel_DeliveredOnce_IdentifierReusableAfterRelease()
    {
        var received = new MessageCollector();
        await using var client = new MqttClient(Clients.Options(Port, "exactly-once")) { MessageHandler = received.Handle };
        var connecting = client.ConnectAsync();
        await using var broker = await AcceptAsync();
        await connecting;

        var publish = new MqttPublishPacket { Topic = "gc/q2", QualityOfService = MqttQualityOfService.ExactlyOnce, PacketIdentifier = 7, Payload = "first"u8.ToArray() };
        await broker.SendAsync(publish);
        await broker.ExpectAsync<MqttPubRecPacket>("PUBREC");
        await broker.SendAsync(publish with { Dup = true });
        await broker.ExpectAsync<MqttPubRecPacket>("PUBREC for the resend");
        await broker.SendAsync(new MqttPubRelPacket { PacketIdentifier = 7 });
        var pubComp = await broker.ExpectAsync<MqttPubCompPacket>("PUBCOMP");
        await broker.SendAsync(publish with { Payload = "second"u8.ToArray() });
        await broker.ExpectAsync<MqttPubRecPacket>("PUBREC for a new message reusing identifier 7");
        await received.WaitForAsync(2, "the two distinct messages");

        Assert.Equal(["first", "second"], received.Payloads);
        Assert.Equal(MqttReasonCode.Success, pubComp.ReasonCode);
    }

    [Fact]
    public async Task OutgoingQoS2_ReleasedThenConnectionLost_SessionPresent_ResendsPubRelNotPublish()
    {
        var options = Clients.Options(Port, "resumer");
        (options.CleanStart, options.SessionExpiryInterval) = (false, 600);
        await using var client = new MqttClient(options);
        var connecting = client.ConnectAsync();
        var publishing = Task<MqttPublishResult>.FromResult<MqttPublishResult>(null!);
        await using (var first = await AcceptAsync())
        {
            await connecting;
            publishing = client.PublishAsync("gc/q2", "payload", MqttQualityOfService.ExactlyOnce);
            var sent = await first.ExpectAsync<MqttPublishPacket>("PUBLISH");
            await first.SendAsync(new MqttPubRecPacket { PacketIdentifier = sent.PacketIdentifier });
            await first.ExpectAsync<MqttPubRelPacket>("PUBREL");
        }

        await using var second = await AcceptAsync(sessionPresent: true);
        var resent = await second.ExpectAsync<MqttPubRelPacket>("PUBREL resent on the resumed session");
        await second.SendAsync(new MqttPubCompPacket { PacketIdentifier = resent.PacketIdentifier });

        Assert.Equal(MqttPublishStatus.Delivered, (await Within.Async(publishing, "the QoS 2 flow to complete")).Status);
    }

    /// <summary>Accepts the client, reads its CONNECT and answers CONNACK.</summary>
    private async Task<RawConnection> AcceptAsync(bool sessionPresent = false)
    {
        var connection = await RawConnection.AcceptAsync(_listener);
        await connection.ExpectAsync<MqttConnectPacket>("CONNECT");
        await connection.SendAsync(new MqttConnAckPacket { SessionPresent = sessionPresent });
        return connection;
    }
}
