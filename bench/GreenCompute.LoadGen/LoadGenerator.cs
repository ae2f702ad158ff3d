using System.Diagnostics;
using System.Globalization;
using GreenCompute.Grains.Messaging;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.LoadGen;

/// <summary>
/// Connects N devices (user name = node id "load-{i}", so the device ACL applies), each publishing valid schema-1
/// telemetry on its own topic with a rising sequence number and energy counter. The rate is spread over 10 ms ticks
/// and over the devices round-robin; the total rate is what the silo is offered.
/// </summary>
internal static class LoadGenerator
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> MainAsync(string[] args, TextReader input, TextWriter output)
    {
        string Arg(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        var host = Arg("--host", "127.0.0.1");
        var port = int.Parse(Arg("--port", "1883"), Inv);
        var count = int.Parse(Arg("--devices", "10000"), Inv);
        var qos = (MqttQualityOfService)int.Parse(Arg("--qos", "1"), Inv);
        var devices = new Device[count];
        using (var gate = new SemaphoreSlim(64))
        {
            await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    var nodeId = NodeId(i);
                    var client = new MqttClient(new MqttClientOptions
                    {
                        Host = host, Port = port, ClientId = $"loadgen-{nodeId}", UserName = nodeId, AutoReconnect = false,
                        KeepAlive = TimeSpan.FromSeconds(300), PendingQueueCapacity = 10_000,
                    });
                    await client.ConnectAsync();
                    devices[i] = new Device(nodeId, client);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        await output.WriteLineAsync($"ready {count}");
        await output.FlushAsync();
        var next = 0;
        while (await input.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts is ["run", var rateText, var secondsText])
            {
                var (published, elapsed) = await RunAsync(devices, qos, double.Parse(rateText, Inv), double.Parse(secondsText, Inv), next);
                next = (int)((next + published) % count);
                await output.WriteLineAsync(string.Create(Inv, $"published {published} {elapsed.TotalSeconds:0.000}"));
                await output.FlushAsync();
            }
            else if (parts is ["quit"])
            {
                break;
            }
        }

        foreach (var device in devices)
        {
            await device.Client.DisconnectAsync();
            await device.Client.DisposeAsync();
        }

        return 0;
    }

    public static string NodeId(int i) => string.Create(Inv, $"load-{i:D5}");

    private static async Task<(long Published, TimeSpan Elapsed)> RunAsync(Device[] devices, MqttQualityOfService qos, double rate, double seconds, int first)
    {
        var total = (long)(rate * seconds);
        var tick = TimeSpan.FromMilliseconds(10);
        var started = Stopwatch.GetTimestamp();
        var pending = new List<Task<MqttPublishResult>>();
        var published = 0L;
        var index = first;
        using var timer = new PeriodicTimer(tick);
        while (published < total)
        {
            // Catch up to where the schedule says we should be (a late tick publishes more).
            var due = Math.Min(total, (long)(Stopwatch.GetElapsedTime(started).TotalSeconds * rate) + 1);
            for (; published < due; published++)
            {
                var device = devices[index];
                index = (index + 1) % devices.Length;
                pending.Add(device.Client.PublishAsync(new MqttApplicationMessage
                {
                    Topic = device.Topic,
                    Payload = device.NextTelemetry(),
                    QualityOfService = qos,
                }));
            }

            if (pending.Count > 50_000)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }

            await timer.WaitForNextTickAsync();
        }

        await Task.WhenAll(pending);
        return (published, Stopwatch.GetElapsedTime(started));
    }

    private sealed class Device(string nodeId, MqttClient client)
    {
        private long _sequence;
        private double _energy;

        public MqttClient Client { get; } = client;

        public string Topic { get; } = Topics.Telemetry(nodeId);

        public byte[] NextTelemetry()
        {
            _sequence++;
            _energy += 1.5;
            var payload = new TelemetryPayload(PayloadValidator.Version, nodeId, TimeProvider.System.GetUtcNow(), _sequence, 20.5, null, null, 540, _energy, 0.5, [], null);
            return PayloadCodec.Write(payload, PayloadJsonContext.Default.TelemetryPayload);
        }
    }
}
