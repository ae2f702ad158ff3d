using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.Mqtt.Tests.Conformance.Replay;

/// <summary>Client programs for the 01-* (connect, keep alive) and 02-* (subscribe, unsubscribe) scenarios.</summary>
internal static class ConnectScenarios
{
    private const MqttProtocolVersion V5 = MqttProtocolVersion.V500;

    public static IEnumerable<ScenarioProgram> All()
    {
        yield return new("test/lib/01-con-discon-success.py", async host =>
        {
            await using var c = await host.ConnectAsync(host.Options("01-con-discon-success"));
            await c.Client.DisconnectAsync();
        });

        // Keep alive 5 s: PINGREQ at t=5; PINGRESP at t=6 (the script's sleep); next PINGREQ at t=10, 5 s after the last send.
        yield return new("test/lib/01-keepalive-pingreq.py", async host =>
        {
            await using var c = await host.ConnectAsync(host.Options("01-keepalive-pingreq", keepAlive: 5));
            await c.Lost.WaitAsync(host.Stopping);
        })
        {
            ManualClock = true,
            AdvanceBeforeStep = new Dictionary<int, TimeSpan> { [3] = TimeSpan.FromSeconds(5), [6] = TimeSpan.FromSeconds(4) },
        };

        yield return new("test/lib/01-no-clean-session.py", host =>
        {
            var options = host.Options("01-no-clean-session");
            options.CleanStart = false;
            return host.ConnectRefusedAsync(options);
        });

        // The CONNACK's Server Keep Alive (4 s) replaces the 60 s the client asked for.
        yield return new("test/lib/01-server-keepalive-pingreq.py", async host =>
        {
            await using var c = await host.ConnectAsync(host.Options("01-server-keepalive-pingreq", V5));
            await c.Lost.WaitAsync(host.Stopping);
        })
        {
            ManualClock = true,
            AdvanceBeforeStep = new Dictionary<int, TimeSpan> { [3] = TimeSpan.FromSeconds(4), [6] = TimeSpan.FromSeconds(3) },
        };

        yield return new("test/lib/01-unpwd-set.py", host =>
        {
            var options = host.Options("01-unpwd-set");
            (options.UserName, options.Password) = ("uname", ";'[08gn=#");
            return host.ConnectRefusedAsync(options);
        });

        yield return new("test/lib/01-will-set.py", host =>
        {
            var options = host.Options("01-will-set");
            options.Will = new MqttWillMessage
            {
                Topic = "topic/on/unexpected/disconnect",
                Payload = "will message"u8.ToArray(),
                QualityOfService = MqttQualityOfService.AtLeastOnce,
                Retain = true,
            };
            return host.ConnectRefusedAsync(options);
        });

        yield return new("test/lib/01-will-unpwd-set.py", host =>
        {
            var options = host.Options("01-will-unpwd-set");
            (options.UserName, options.Password) = ("oibvvwqw", "#'^2hg9a&nm38*us");
            options.Will = new MqttWillMessage { Topic = "will-topic", Payload = "will message"u8.ToArray(), QualityOfService = MqttQualityOfService.ExactlyOnce };
            return host.ConnectRefusedAsync(options);
        });

        for (var qos = 0; qos <= 2; qos++)
        {
            var level = qos;
            yield return new($"test/lib/02-subscribe-qos{level}.py", async host =>
            {
                await using var c = await host.ConnectAsync(host.Options($"subscribe-qos{level}-test"));
                var result = await c.Client.SubscribeAsync($"qos{level}/test", (MqttQualityOfService)level, host.Stopping);
                Assert.Equal((MqttReasonCode)level, result.Items.Single().ReasonCode);
                await c.Client.DisconnectAsync();
            });
        }

        yield return new("test/lib/02-unsubscribe.py", async host =>
        {
            await using var c = await host.ConnectAsync(host.Options("unsubscribe-test"));
            await c.Client.UnsubscribeAsync("unsubscribe/test", host.Stopping);
            await c.Client.DisconnectAsync();
        });

        yield return new("test/lib/02-unsubscribe-v5.py", async host =>
        {
            await using var c = await host.ConnectAsync(host.Options("unsubscribe-test", V5));
            var result = await c.Client.UnsubscribeAsync("unsubscribe/test", host.Stopping);
            Assert.Equal(MqttReasonCode.Success, result.Items.Single().ReasonCode);
            await c.Client.DisconnectAsync();
        });

        yield return new("test/lib/02-unsubscribe-multiple-v5.py", async host =>
        {
            await using var c = await host.ConnectAsync(host.Options("unsubscribe-test", V5));
            await c.Client.SubscribeAsync("unsubscribe/test", MqttQualityOfService.ExactlyOnce, host.Stopping);
            var result = await c.Client.UnsubscribeAsync(["unsubscribe/test", "no-sub"], host.Stopping);
            Assert.Equal([MqttReasonCode.Success, MqttReasonCode.NoSubscriptionExisted], result.Items.Select(i => i.ReasonCode));
            await c.Client.DisconnectAsync();
        });
    }

    /// <summary>
    /// A program that connects, waits for the script to close the connection, then for the messages it must have
    /// received (delivery runs apart from the read loop, so it may trail the end of the connection).
    /// </summary>
    public static Func<ScenarioHost, Task> ReceiveUntilClosed(string clientId, int keepAlive, params string[] expectedTopicsAndPayloads) => async host =>
    {
        var received = new MessageCollector();
        await using var c = await host.ConnectAsync(host.Options(clientId, MqttProtocolVersion.V311, keepAlive), received);
        await c.Lost.WaitAsync(host.Stopping);
        await received.WaitForAsync(expectedTopicsAndPayloads.Length, "messages delivered to the application");
        Assert.Equal(expectedTopicsAndPayloads, received.Messages.Select(m => $"{m.Topic} {m.GetPayloadText()}"));
    };
}
