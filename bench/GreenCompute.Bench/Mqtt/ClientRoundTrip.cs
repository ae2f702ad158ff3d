using System.Buffers.Binary;
using System.Diagnostics;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Bench.Mqtt;

/// <summary>
/// Our client → a broker → our client. Flood: <c>messages</c> publishes issued back to back (the client pipelines QoS 1
/// up to the broker's receive maximum), timed until the subscriber has them all. Latency: one message at a time, the
/// send timestamp in the payload's first 8 bytes, measured when the subscriber's handler sees it.
/// </summary>
internal static class ClientRoundTrip
{
    public static async Task<Measurement> RunAsync(int port, MqttQualityOfService qos, int messages, int probes, int payloadSize)
    {
        var topic = $"bench/{Guid.NewGuid():N}";
        var received = 0L;
        var target = long.MaxValue;
        var lastArrival = Stopwatch.GetTimestamp();
        var latencies = new List<double>(probes);
        var measuring = false;
        TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        MqttClientOptions Options(string name) => new()
        {
            Port = port, ClientId = $"{name}-{Guid.NewGuid():N}", AutoReconnect = false, PendingQueueCapacity = messages + 16,
        };

        await using var subscriber = new MqttClient(Options("bench-sub"));
        subscriber.MessageHandler = (message, _) =>
        {
            var now = Stopwatch.GetTimestamp();
            lastArrival = now;
            if (measuring)
            {
                latencies.Add(Stopwatch.GetElapsedTime(BinaryPrimitives.ReadInt64LittleEndian(message.Payload.Span), now).TotalMilliseconds);
            }

            if (Interlocked.Increment(ref received) >= Volatile.Read(ref target))
            {
                done.TrySetResult();
            }

            return ValueTask.CompletedTask;
        };
        await subscriber.ConnectAsync();
        await subscriber.SubscribeAsync(topic, qos);
        await using var publisher = new MqttClient(Options("bench-pub"));
        await publisher.ConnectAsync();

        var payload = new byte[payloadSize];
        Random.Shared.NextBytes(payload);
        var started = Stopwatch.GetTimestamp();
        Volatile.Write(ref target, messages);
        var sends = new Task<MqttPublishResult>[messages];
        for (var i = 0; i < messages; i++)
        {
            sends[i] = publisher.PublishAsync(new MqttApplicationMessage { Topic = topic, Payload = payload, QualityOfService = qos });
        }

        await WaitOrStallAsync(done.Task, () => lastArrival);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var got = Interlocked.Read(ref received);
        await Task.WhenAll(sends);

        measuring = true;
        for (var i = 0; i < probes; i++)
        {
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref target, Interlocked.Read(ref received) + 1);
            var stamped = (byte[])payload.Clone();
            BinaryPrimitives.WriteInt64LittleEndian(stamped, Stopwatch.GetTimestamp());
            await publisher.PublishAsync(new MqttApplicationMessage { Topic = topic, Payload = stamped, QualityOfService = qos });
            await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        await publisher.DisconnectAsync();
        await subscriber.DisconnectAsync();
        return new Measurement(got / elapsed.TotalSeconds, Measurement.Percentile(latencies, 0.50), Measurement.Percentile(latencies, 0.99), messages - got);
    }

    /// <summary>Waits for <paramref name="all"/>, or until nothing has arrived for 3 s (QoS 0 may drop; the loss is reported).</summary>
    internal static async Task WaitOrStallAsync(Task all, Func<long> lastArrival)
    {
        while (!all.IsCompleted)
        {
            await Task.WhenAny(all, Task.Delay(500));
            if (!all.IsCompleted && Stopwatch.GetElapsedTime(lastArrival()) > TimeSpan.FromSeconds(3))
            {
                return;
            }
        }
    }
}
