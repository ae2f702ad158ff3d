using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Tests.Conformance.Replay;

/// <summary>Client programs for the 03-* (publish both ways), 04-* (retain) and 11-* (properties) scenarios.</summary>
internal static class PublishScenarios
{
    private const MqttProtocolVersion V5 = MqttProtocolVersion.V500;
    private const MqttQualityOfService QoS0 = MqttQualityOfService.AtMostOnce;
    private const MqttQualityOfService QoS1 = MqttQualityOfService.AtLeastOnce;
    private const MqttQualityOfService QoS2 = MqttQualityOfService.ExactlyOnce;

    public static IEnumerable<ScenarioProgram> All()
    {
        // Broker to client: unexpected acknowledgements are ignored; QoS 1/2 are acknowledged and delivered once.
        yield return new("test/lib/03-publish-b2c-qos1-unexpected-puback.py", ConnectScenarios.ReceiveUntilClosed("publish-qos1-test", 5));
        yield return new("test/lib/03-publish-b2c-qos2-unexpected-pubcomp.py", ConnectScenarios.ReceiveUntilClosed("publish-qos2-test", 5));
        yield return new("test/lib/03-publish-b2c-qos1.py", ConnectScenarios.ReceiveUntilClosed("publish-qos1-test", 60, "pub/qos1/receive message"));
        yield return new("test/lib/03-publish-b2c-qos2.py", ConnectScenarios.ReceiveUntilClosed("publish-qos2-test", 60, "pub/qos2/receive message"));
        yield return new("test/lib/03-publish-b2c-qos2-unexpected-pubrel.py",
            ConnectScenarios.ReceiveUntilClosed("publish-qos2-test", 60, "pub/qos2/receive message", "quit quit"));

        // Client to broker, resumed after the broker closes the connection (libmosquitto keeps resending on a clean session).
        yield return new("test/lib/03-publish-c2b-qos1-disconnect.py", host => PublishThenDisconnect(host, "publish-qos1-test", "pub/qos1/test", QoS1, reconnect: true));
        yield return new("test/lib/03-publish-c2b-qos2-disconnect.py", host => PublishThenDisconnect(host, "publish-qos2-test", "pub/qos2/test", QoS2, reconnect: true))
        {
            KnownDivergence = "After PUBREC, the broker closes and answers the reconnection with Session Present 0. libmosquitto resends "
                + "PUBREL anyway; we restart the message from PUBLISH (DUP): the server forgot the session, so for that server the "
                + "PUBREL would name nothing (mosquitto only releases a QoS 2 message on PUBREL: the message would be lost).",
        };
        yield return new("test/lib/03-publish-c2b-qos2.py", host => PublishThenDisconnect(host, "publish-qos2-test", "pub/qos2/test", QoS2, reconnect: false));
        yield return new("test/lib/03-publish-qos0.py", host => PublishThenDisconnect(host, "publish-qos0-test", "pub/qos0/test", QoS0, reconnect: false));
        yield return new("test/lib/03-publish-qos0-no-payload.py", async host =>
        {
            await using var c = await host.ConnectAsync(host.Options("publish-qos0-test-np"));
            await c.Client.PublishAsync(new MqttApplicationMessage { Topic = "pub/qos0/no-payload/test" }, host.Stopping);
            await c.Client.DisconnectAsync();
        });

        // Receive Maximum from CONNACK bounds the messages in flight; a PUBREC >= 0x80 ends a flow and frees its slot.
        yield return new("test/lib/03-publish-c2b-qos1-receive-maximum.py", host => PublishMany(host, QoS1, 6));
        yield return new("test/lib/03-publish-c2b-qos2-receive-maximum-1.py", host => PublishMany(host, QoS2, 5));
        yield return new("test/lib/03-publish-c2b-qos2-receive-maximum-2.py", host => PublishMany(host, QoS2, 5));
        yield return new("test/lib/03-publish-c2b-qos2-pubrec-error.py", async host =>
        {
            await using var c = await host.ConnectAsync(host.Options("publish-qos2-test", V5));
            var rejected = c.Client.PublishAsync("topic", "rejected", QoS2, cancellationToken: host.Stopping);
            var accepted = c.Client.PublishAsync("topic", "accepted", QoS2, cancellationToken: host.Stopping);
            Assert.Equal((MqttPublishStatus.Rejected, MqttReasonCode.UnspecifiedError), ((await rejected).Status, (await rejected).ReasonCode));
            Assert.Equal(MqttPublishStatus.Delivered, (await accepted).Status);
            await c.Lost.WaitAsync(host.Stopping);
        });

        // Maximum QoS from CONNACK: a message above it is refused, not sent.
        yield return new("test/lib/03-publish-c2b-qos2-maximum-qos-0.py", host => PublishEachQoS(host, QoS0));
        yield return new("test/lib/03-publish-c2b-qos2-maximum-qos-1.py", host => PublishEachQoS(host, QoS1));

        yield return new("test/lib/04-retain-qos0.py", async host =>
        {
            await using var c = await host.ConnectAsync(host.Options("retain-qos0-test"));
            await c.Client.PublishAsync("retain/qos0/test", "retained message", QoS0, retain: true, host.Stopping);
            await c.Lost.WaitAsync(host.Stopping);
        });

        yield return new("test/lib/11-prop-oversize-packet.py", async host =>
        {
            await using var c = await host.ConnectAsync(host.Options("publish-qos0-test", V5));
            var tooBig = await Assert.ThrowsAsync<MqttProtocolException>(() => c.Client.PublishAsync("pub/test", "0123456789012345678"));
            Assert.Equal(MqttReasonCode.PacketTooLarge, tooBig.ReasonCode);
            await Assert.ThrowsAsync<MqttProtocolException>(() => c.Client.PublishAsync("pub/test", "012345678901234567"));
            await c.Client.DisconnectAsync();
        })
        {
            KnownDivergence = "CONNACK sets Maximum Packet Size 30. libmosquitto compares it with the remaining length and sends the "
                + "31-byte PUBLISH; MQTT 5 (3.2.2.3.6) counts the whole packet, so we refuse it as we refuse the 32-byte one.",
        };

        yield return new("test/lib/11-prop-recv-qos0.py", AnswerOkToProperties);
        foreach (var qos in new[] { 1, 2 })
        {
            yield return new($"test/lib/11-prop-recv-qos{qos}.py", AnswerOkToProperties)
            {
                KnownDivergence = "We acknowledge a received QoS 1/2 message when the application's handler returns (a process dying "
                    + "mid-handler gets the message again); libmosquitto acknowledges first (QoS 1) or calls the handler after PUBCOMP "
                    + "(QoS 2). The handler here publishes \"ok\", so our \"ok\" precedes the PUBACK/PUBREC in the byte stream.",
            };
        }

        yield return new("test/lib/11-prop-send-content-type.py", host => PublishWithProperties(host, new MqttProperties { ContentType = "application/json" }));
        yield return new("test/lib/11-prop-send-payload-format.py", host => PublishWithProperties(host, new MqttProperties { PayloadFormatIndicator = 1 }));
    }

    private static async Task PublishThenDisconnect(ScenarioHost host, string clientId, string topic, MqttQualityOfService qos, bool reconnect)
    {
        var options = host.Options(clientId);
        options.AutoReconnect = reconnect;
        await using var c = await host.ConnectAsync(options);
        var result = await c.Client.PublishAsync(topic, "message", qos, cancellationToken: host.Stopping);
        Assert.Equal(MqttPublishStatus.Delivered, result.Status);
        await c.Client.DisconnectAsync();
    }

    private static async Task PublishMany(ScenarioHost host, MqttQualityOfService qos, int count)
    {
        await using var c = await host.ConnectAsync(host.Options(qos == QoS1 ? "publish-qos1-test" : "publish-qos2-test", V5));
        var all = Enumerable.Range(0, count).Select(_ => c.Client.PublishAsync("topic", "12345", qos, cancellationToken: host.Stopping)).ToList();
        Assert.All(await Task.WhenAll(all), r => Assert.Equal(MqttPublishStatus.Delivered, r.Status));
        await c.Lost.WaitAsync(host.Stopping);
    }

    private static async Task PublishEachQoS(ScenarioHost host, MqttQualityOfService maximum)
    {
        await using var c = await host.ConnectAsync(host.Options("publish-qos2-test", V5));
        foreach (var qos in new[] { QoS2, QoS1, QoS0 })
        {
            var publish = c.Client.PublishAsync($"maximum/qos/qos{(int)qos}", "message", qos, cancellationToken: host.Stopping);
            if (qos > maximum)
            {
                Assert.Equal(MqttReasonCode.QoSNotSupported, (await Assert.ThrowsAsync<MqttProtocolException>(() => publish)).ReasonCode);
            }
            else
            {
                Assert.Equal(MqttPublishStatus.Delivered, (await publish).Status);
            }
        }

        await c.Client.DisconnectAsync();
    }

    private static async Task PublishWithProperties(ScenarioHost host, MqttProperties properties)
    {
        await using var c = await host.ConnectAsync(host.Options("prop-test", V5));
        await c.Client.PublishAsync(new MqttApplicationMessage { Topic = "prop/qos0", Payload = "message"u8.ToArray(), Properties = properties }, host.Stopping);
        await c.Client.DisconnectAsync();
    }

    /// <summary>11-prop-recv-*: the C client checks content type and response topic of what it receives, then publishes "ok".</summary>
    private static async Task AnswerOkToProperties(ScenarioHost host)
    {
        await using var c = new ScenarioClient(new MqttClient(host.Options("prop-test", V5)));
        c.Client.MessageHandler = async (message, token) =>
        {
            if (message.Properties is { ContentType: "plain/text", ResponseTopic: "msg/123" } && message.GetPayloadText() == "message")
            {
                await c.Client.PublishAsync("ok", "ok", cancellationToken: token);
            }
        };
        await c.Client.ConnectAsync(host.Stopping);
        await c.Lost.WaitAsync(host.Stopping);
    }
}
