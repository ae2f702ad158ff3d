using System.Diagnostics;
using System.Globalization;
using System.Text;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Bench.Mqtt;

/// <summary>
/// mosquitto_pub → a broker → mosquitto_sub, both real processes: `mosquitto_pub -l` publishes each stdin line,
/// `stdbuf -oL mosquitto_sub -d` prints each payload on a line (debug lines tell when it has subscribed). Flood: all
/// lines written at once, timed until the last one is printed. Latency: one line at a time carrying the send timestamp.
/// The pipes are part of what is measured: this is what the command-line tools achieve.
/// </summary>
internal static class ToolRoundTrip
{
    public static async Task<Measurement> RunAsync(int port, MqttQualityOfService qos, int messages, int probes, int payloadSize)
    {
        var topic = $"bench/{Guid.NewGuid():N}";
        var q = ((int)qos).ToString(CultureInfo.InvariantCulture);
        var p = port.ToString(CultureInfo.InvariantCulture);
        using var sub = Start("stdbuf", ["-oL", "mosquitto_sub", "-d", "-h", "127.0.0.1", "-p", p, "-t", topic, "-q", q], stdin: false);
        var received = 0L;
        var target = long.MaxValue;
        var lastArrival = Stopwatch.GetTimestamp();
        var latencies = new List<double>(probes);
        var measuring = false;
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Task.Run(async () =>
        {
            while (await sub.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("Client ", StringComparison.Ordinal) || line.StartsWith("Subscribed", StringComparison.Ordinal))
                {
                    if (line.StartsWith("Subscribed", StringComparison.Ordinal))
                    {
                        subscribed.TrySetResult();
                    }

                    continue;
                }

                var now = Stopwatch.GetTimestamp();
                lastArrival = now;
                if (measuring && long.TryParse(line.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var sent))
                {
                    latencies.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
                }

                if (Interlocked.Increment(ref received) >= Volatile.Read(ref target))
                {
                    done.TrySetResult();
                }
            }
        });
        await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        using var pub = Start("mosquitto_pub", ["-h", "127.0.0.1", "-p", p, "-t", topic, "-q", q, "-l"], stdin: true);
        var filler = new string('x', payloadSize - 19);
        var flood = new StringBuilder((payloadSize + 1) * messages);
        for (var i = 0; i < messages; i++)
        {
            flood.Append(CultureInfo.InvariantCulture, $"{i:D19}").Append(filler).Append('\n');
        }

        var text = flood.ToString();
        var started = Stopwatch.GetTimestamp();
        Volatile.Write(ref target, messages);
        await pub.StandardInput.WriteAsync(text);
        await pub.StandardInput.FlushAsync();
        await ClientRoundTrip.WaitOrStallAsync(done.Task, () => lastArrival);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var got = Interlocked.Read(ref received);

        measuring = true;
        for (var i = 0; i < probes; i++)
        {
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref target, Interlocked.Read(ref received) + 1);
            await pub.StandardInput.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{Stopwatch.GetTimestamp():D19}{filler}\n"));
            await pub.StandardInput.FlushAsync();
            await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        pub.StandardInput.Close();
        await pub.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        sub.Kill();
        await sub.WaitForExitAsync();
        await reader;
        return new Measurement(got / elapsed.TotalSeconds, Measurement.Percentile(latencies, 0.50), Measurement.Percentile(latencies, 0.99), messages - got);
    }

    private static Process Start(string file, string[] args, bool stdin) =>
        Process.Start(new ProcessStartInfo(file, args)
        {
            UseShellExecute = false,
            RedirectStandardInput = stdin,
            RedirectStandardOutput = !stdin,
        }) ?? throw new InvalidOperationException($"{file} did not start (apt-get install mosquitto-clients coreutils).");
}
