using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.Mqtt.Tests.Broker;

/// <summary>The embedded broker's SQLite session store: persistent sessions, their QoS 1/2 messages and retained messages survive a restart.</summary>
public sealed class BrokerSessionStoreTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gc-broker-store-");

    private string StorePath => Path.Combine(_folder.FullName, "sessions.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Restart_OfflineSessionWithQueuedQoS1And2_EveryMessageDeliveredAfterRestart_RetainedKept()
    {
        var expected = new List<string>();
        await using (var first = await StartAsync())
        {
            await using (var keeper = await Clients.ConnectAsync(Persistent(first.Port)))
            {
                await Within.Async(keeper.SubscribeAsync("keep/#", MqttQualityOfService.ExactlyOnce), "SUBACK");
                await keeper.DisconnectAsync();
            }

            await using var publisher = await Clients.ConnectAsync(Clients.Options(first.Port, "publisher"));
            foreach (var qos in new[] { MqttQualityOfService.AtLeastOnce, MqttQualityOfService.ExactlyOnce })
            {
                for (var i = 0; i < 3; i++)
                {
                    var payload = $"q{(int)qos}-{i}";
                    expected.Add(payload);
                    Assert.True((await Within.Async(publisher.PublishAsync($"keep/{payload}", payload, qos), payload)).IsSuccess);
                }
            }

            Assert.True((await Within.Async(publisher.PublishAsync("news/latest", "retained", MqttQualityOfService.AtLeastOnce, retain: true), "retained")).IsSuccess);
        }

        await using var second = await StartAsync();
        var received = new MessageCollector();
        await using var resumed = await Clients.ConnectAsync(Persistent(second.Port), received);
        Assert.True(resumed.ConnectResult!.SessionPresent, "the session must survive the restart");
        await received.WaitForAsync(expected.Count, "the six queued messages after the restart");
        Assert.Equal(expected, received.Payloads);
        Assert.Equal(expected.Select(p => $"keep/{p}"), received.Messages.Select(m => m.Topic));
        Assert.Equal([1, 1, 1, 2, 2, 2], received.Messages.Select(m => (int)m.QualityOfService));

        var late = new MessageCollector();
        await using var reader = await Clients.ConnectAsync(Clients.Options(second.Port, "late"), late);
        await Within.Async(reader.SubscribeAsync("news/#", MqttQualityOfService.AtLeastOnce), "SUBACK");
        await late.WaitForPayloadAsync("retained");
    }

    [Fact]
    public async Task Restart_MessagesInFlightUnacknowledged_ResentWithDupAfterRestart()
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (var first = await StartAsync())
        {
            var options = Persistent(first.Port);
            options.AutoReconnect = false;
            await using var stuck = new MqttClient(options)
            {
                // Never finishes: nothing is acknowledged, so the broker holds the messages in flight.
                MessageHandler = async (_, token) =>
                {
                    seen.TrySetResult();
                    await Task.Delay(Timeout.Infinite, token);
                },
            };
            await Within.Async(stuck.ConnectAsync(), "CONNACK");
            await Within.Async(stuck.SubscribeAsync("keep/#", MqttQualityOfService.ExactlyOnce), "SUBACK");
            await using var publisher = await Clients.ConnectAsync(Clients.Options(first.Port, "publisher"));
            Assert.True((await Within.Async(publisher.PublishAsync("keep/a", "a", MqttQualityOfService.AtLeastOnce), "a")).IsSuccess);
            Assert.True((await Within.Async(publisher.PublishAsync("keep/b", "b", MqttQualityOfService.ExactlyOnce), "b")).IsSuccess);
            await Within.Async(seen.Task, "the first message to reach the stuck client");
        }

        await using var second = await StartAsync();
        var received = new MessageCollector();
        await using var resumed = await Clients.ConnectAsync(Persistent(second.Port), received);
        await received.WaitForAsync(2, "both unacknowledged messages after the restart");
        Assert.Equal(["a", "b"], received.Payloads);
        Assert.True(received.Messages[0].Dup, "a message resent from the in-flight window carries DUP");
    }

    private static MqttClientOptions Persistent(int port)
    {
        var options = Clients.Options(port, "keeper");
        (options.CleanStart, options.SessionExpiryInterval) = (false, 3600);
        return options;
    }

    private Task<EmbeddedBroker> StartAsync() => EmbeddedBroker.StartAsync(o => o.SessionStorePath = StorePath);
}
