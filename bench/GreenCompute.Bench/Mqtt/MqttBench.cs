using System.Globalization;
using GreenCompute.Mqtt.Broker;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Bench.Mqtt;

/// <summary>
/// Issue 3's messaging benchmark, side by side in one run with 1 KB payloads at QoS 0 and 1:
/// (a) our client → embedded broker → our client, (b) our client → Mosquitto → our client,
/// (c) mosquitto_pub → Mosquitto → mosquitto_sub. Goal: (a) at least (c).
/// </summary>
internal static class MqttBench
{
    private const int Messages = 20_000;
    private const int Probes = 500;
    private const int PayloadSize = 1024;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task RunAsync()
    {
        var repeats = int.TryParse(Environment.GetEnvironmentVariable("GC_BENCH_REPEATS"), NumberStyles.Integer, Inv, out var r) ? r : 3;
        Console.WriteLine(string.Create(Inv,
            $"MQTT messaging benchmark ({Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load {LoadAverage()}); ") +
            string.Create(Inv, $"{Messages:N0} × {PayloadSize} B flood, {Probes} paced latency probes; medians of {repeats} runs."));
        await using var embedded = new MqttBroker(new MqttBrokerOptions { Port = 0, MaximumQueuedMessagesPerSession = Messages * 2 });
        await embedded.StartAsync();
        // Mosquitto's defaults would drop a flood of queued messages (max_queued_messages 1000); lift them as for the embedded broker.
        await using var mosquitto = await MosquittoProcess.StartAsync("max_queued_messages 0", "max_inflight_messages 0");
        var paths = new (string Name, Func<MqttQualityOfService, Task<Measurement>> Run)[]
        {
            ("(a) our client → embedded broker → our client", qos => ClientRoundTrip.RunAsync(embedded.Port, qos, Messages, Probes, PayloadSize)),
            ("(b) our client → Mosquitto 2.0.11 → our client", qos => ClientRoundTrip.RunAsync(mosquitto.Port, qos, Messages, Probes, PayloadSize)),
            ("(c) mosquitto_pub → Mosquitto 2.0.11 → mosquitto_sub", qos => ToolRoundTrip.RunAsync(mosquitto.Port, qos, Messages, Probes, PayloadSize)),
        };
        var results = new Dictionary<(string, MqttQualityOfService), List<Measurement>>();
        for (var run = 0; run < repeats; run++)
        {
            foreach (var qos in new[] { MqttQualityOfService.AtMostOnce, MqttQualityOfService.AtLeastOnce })
            {
                foreach (var (name, measure) in paths)
                {
                    var m = await measure(qos);
                    Console.WriteLine(string.Create(Inv, $"  run {run + 1} QoS {(int)qos} {name}: {m.MessagesPerSecond:N0} msg/s, p50 {m.P50Ms:0.000} ms, p99 {m.P99Ms:0.000} ms, lost {m.Lost}"));
                    (results.TryGetValue((name, qos), out var list) ? list : results[(name, qos)] = []).Add(m);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("| path | QoS | messages/s | p50 latency, ms | p99 latency, ms | lost (flood) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var ((name, qos), list) in results)
        {
            Console.WriteLine(string.Create(Inv,
                $"| {name} | {(int)qos} | {Median(list, m => m.MessagesPerSecond):N0} | {Median(list, m => m.P50Ms):0.000} | {Median(list, m => m.P99Ms):0.000} | {Median(list, m => m.Lost):0} |"));
        }

        Console.WriteLine($"Load average after: {LoadAverage()}");
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Median(List<Measurement> list, Func<Measurement, double> value)
    {
        var sorted = list.Select(value).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
