using System.Diagnostics;
using System.Globalization;
using GreenCompute.Grains.Messaging;

namespace GreenCompute.LoadGen;

/// <summary>
/// Connects N devices (user name = node id "load-{i}", so the device ACL applies), each publishing valid schema-1
/// telemetry on its own topic with a rising sequence number and energy counter. The rate is spread over 10 ms ticks
/// and over the devices round-robin; the total rate is what the silo is offered. It shares the cores with the silo, so
/// it is kept cheap: one thread sends, each message is one pre-encoded frame in one socket send (one message per device
/// per send, as real devices would: batching a device's messages would spare the silo reads it has in reality), and
/// PUBACKs are read in bulk at the end of each run.
/// </summary>
internal static class LoadGenerator
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    public static async Task<int> MainAsync(string[] args, TextReader input, TextWriter output)
    {
        string Arg(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        var host = Arg("--host", "127.0.0.1");
        var port = int.Parse(Arg("--port", "1883"), Inv);
        var count = int.Parse(Arg("--devices", "10000"), Inv);
        var qos1 = Arg("--qos", "1") switch
        {
            "0" => false,
            "1" => true,
            var other => throw new ArgumentException($"--qos {other}: only 0 and 1 are generated."),
        };
        SelfCheck(qos1);
        var devices = new DeviceConnection[count];
        using (var gate = new SemaphoreSlim(64))
        {
            await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    devices[i] = await DeviceConnection.ConnectAsync(host, port, NodeId(i), qos1);
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
                var (published, elapsed) = Run(devices, double.Parse(rateText, Inv), double.Parse(secondsText, Inv), next);
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
            device.Disconnect();
            device.Dispose();
        }

        return 0;
    }

    public static string NodeId(int i) => string.Create(Inv, $"load-{i:D5}");

    /// <summary>
    /// Publishes <paramref name="rate"/> × <paramref name="seconds"/> messages on schedule (a late tick catches up), then
    /// waits until the broker has acknowledged every QoS 1 message; the elapsed time includes that wait.
    /// </summary>
    private static (long Published, TimeSpan Elapsed) Run(DeviceConnection[] devices, double rate, double seconds, int first)
    {
        var total = (long)(rate * seconds);
        var scratch = new byte[TelemetryFrame.MaxSize];
        var started = Stopwatch.GetTimestamp();
        var published = 0L;
        var index = first;
        for (var tick = 1; published < total; tick++)
        {
            var due = Math.Min(total, (long)(Stopwatch.GetElapsedTime(started).TotalSeconds * rate) + 1);
            var now = TimeProvider.System.GetUtcNow();
            for (; published < due; published++)
            {
                devices[index].Publish(scratch, now);
                index = index + 1 == devices.Length ? 0 : index + 1;
            }

            var wait = (Tick * tick) - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }
        }

        var acks = new byte[64 * 1024];
        foreach (var device in devices)
        {
            device.AwaitAcknowledgements(acks);
        }

        return (published, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Reads one encoded frame back with the silo's own payload reader and validator: the template stays schema 1.</summary>
    private static void SelfCheck(bool qos1)
    {
        var nodeId = NodeId(0);
        var topic = Topics.Telemetry(nodeId);
        var frame = new byte[TelemetryFrame.MaxSize];
        var length = new TelemetryFrame(nodeId, topic, qos1).Write(frame, 1, TimeProvider.System.GetUtcNow(), 1, 1.5);
        var lengthSize = (frame[1] & 0x80) == 0 ? 1 : 2;
        var payloadStart = 1 + lengthSize + 2 + topic.Length + (qos1 ? 2 : 0);
        if (!PayloadCodec.TryRead(frame.AsSpan(payloadStart, length - payloadStart), PayloadJsonContext.Default.TelemetryPayload, out var payload, out var malformed))
        {
            throw new InvalidOperationException($"The telemetry template is not valid JSON: {malformed!.Message}");
        }

        var validated = PayloadValidator.Telemetry(payload, nodeId);
        if (!validated.IsValid || validated.Value!.Sequence != 1)
        {
            throw new InvalidOperationException($"The telemetry template does not validate: {validated.Rejection?.Message}");
        }
    }
}
