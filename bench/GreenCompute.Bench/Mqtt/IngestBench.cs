using System.Diagnostics;
using System.Globalization;
using GreenCompute.Actors;
using GreenCompute.Grains;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Mqtt.Broker;
using GreenCompute.Mqtt.Client;
using GreenCompute.Silo.Mqtt;

namespace GreenCompute.Bench.Mqtt;

/// <summary>
/// Issue 3's silo ingest benchmark. This process is the silo: embedded broker (device ACL), grain host on SQLite with
/// 10,000 registered node grains, and <see cref="MqttIngest"/> on the shared subscription. The load generator
/// (bench/GreenCompute.LoadGen, its own process) connects 10,000 devices and publishes telemetry at a rising rate; each
/// step reports the rate the silo validated and applied to the grains, the backlog left at the step's end, and this
/// process's peak memory (VmHWM). History recording is off here (the telemetry store has its own benchmark).
/// </summary>
internal static class IngestBench
{
    private const double StepSeconds = 5;
    private const int DrainBacklog = 100_000;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task RunAsync()
    {
        var devices = int.TryParse(Environment.GetEnvironmentVariable("GC_BENCH_DEVICES"), NumberStyles.Integer, Inv, out var d) ? d : 10_000;
        var qos = Environment.GetEnvironmentVariable("GC_BENCH_QOS") ?? "1";
        // 1 = the ingest as it was before pipelining (one message in the grains at a time), for before/after runs.
        var concurrency = int.TryParse(Environment.GetEnvironmentVariable("GC_INGEST_CONCURRENCY"), NumberStyles.Integer, Inv, out var c) ? c : MqttIngest.DefaultConcurrency;
        Console.WriteLine(string.Create(Inv,
            $"Silo ingest benchmark ({Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load {MqttBench.LoadAverage()}); ") +
            string.Create(Inv, $"{devices:N0} devices in the load generator's process, telemetry at QoS {qos}, {StepSeconds} s per step, ingest concurrency {concurrency}."));
        var folder = Directory.CreateTempSubdirectory("gc-ingest-bench-");
        try
        {
            await using var broker = new MqttBroker(new MqttBrokerOptions
            {
                Port = 0, Authorizer = new MqttDeviceAcl(["silo"]), MaximumQueuedMessagesPerSession = 5_000_000,
            });
            await broker.StartAsync();
            using var storage = new SqliteGrainStorage(Path.Combine(folder.FullName, "silo.db"));
            var errors = 0;
            await using var host = new GrainHost(storage, TimeProvider.System, new GrainHostOptions(), _ => Interlocked.Increment(ref errors));
            SiloGrains.AddTo(host, new DiscardCommands(), new NodeOptions(), new SchedulerOptions { AutoPlan = false });
            await host.StartAsync(CancellationToken.None);
            var registration = Stopwatch.StartNew();
            using (var gate = new SemaphoreSlim(256))
            {
                await Task.WhenAll(Enumerable.Range(0, devices).Select(async i =>
                {
                    await gate.WaitAsync();
                    try
                    {
                        var nodeId = string.Create(Inv, $"load-{i:D5}");
                        await host.GetGrain<IHeaterNodeGrain>(nodeId).Register(BenchNodes.Registration(nodeId));
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
            }

            Console.WriteLine(string.Create(Inv, $"Registered {devices:N0} node grains in {registration.Elapsed.TotalSeconds:0.0} s."));
            // A persistent session, so that the broker queues a backlog for the silo while it is away (the drain phase).
            MqttClientOptions IngestOptions() => new()
            {
                Port = broker.Port, ClientId = "silo-ingest", UserName = "silo", CleanStart = false, SessionExpiryInterval = 600,
            };
            var ingest = new MqttIngest(IngestOptions(), host, concurrency: concurrency);
            await ingest.StartAsync();
            using var loadGen = StartLoadGenerator(broker.Port, devices, qos);
            var ready = await loadGen.StandardOutput.ReadLineAsync();
            Console.WriteLine($"Load generator: {ready}; silo peak memory so far {PeakMiB():0} MiB.");
            Console.WriteLine();
            Console.WriteLine("| offered msg/s (asked) | published msg/s | applied msg/s during the step | backlog at step end | drained in, s | silo peak memory, MiB | silo CPU µs per message | silo bytes allocated per message | silo GCs gen0/1/2 | load generator CPU µs per message |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            var published = 0L;
            var sustained = 0.0;
            for (var rate = 5_000.0; rate <= 400_000; rate *= 1.4)
            {
                var appliedBefore = ingest.Processed;
                var cpuBefore = Cpu();
                var loadGenCpuBefore = Cpu(loadGen);
                var allocatedBefore = GC.GetTotalAllocatedBytes();
                var gcsBefore = Collections();
                var started = Stopwatch.GetTimestamp();
                await loadGen.StandardInput.WriteLineAsync(string.Create(Inv, $"run {rate:0} {StepSeconds}"));
                await loadGen.StandardInput.FlushAsync();
                var reply = (await loadGen.StandardOutput.ReadLineAsync() ?? "").Split(' ');
                var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
                var sent = long.Parse(reply[1], Inv);
                var loadGenCpuPerMessage = (Cpu(loadGen) - loadGenCpuBefore).TotalMicroseconds / Math.Max(1, sent);
                published += sent;
                var processed = ingest.Processed;
                var applied = (processed - appliedBefore) / elapsed;
                var backlog = published - processed;
                var drain = Stopwatch.StartNew();
                var caughtUp = ingest.WhenProcessed(published);
                var drained = await Task.WhenAny(caughtUp, Task.Delay(TimeSpan.FromSeconds(60))) == caughtUp;
                var cpuPerMessage = (Cpu() - cpuBefore).TotalMicroseconds / Math.Max(1, ingest.Processed - appliedBefore);
                var bytesPerMessage = (GC.GetTotalAllocatedBytes() - allocatedBefore) / (double)Math.Max(1, ingest.Processed - appliedBefore);
                var gcs = Collections();
                Console.WriteLine(string.Create(Inv,
                    $"| {rate:N0} | {sent / double.Parse(reply[2], Inv):N0} | {applied:N0} | {backlog:N0} | {(drained ? drain.Elapsed.TotalSeconds.ToString("0.0", Inv) : "> 60")} | {PeakMiB():0} | {cpuPerMessage:0.0} | {bytesPerMessage:N0} | {gcs.Gen0 - gcsBefore.Gen0}/{gcs.Gen1 - gcsBefore.Gen1}/{gcs.Gen2 - gcsBefore.Gen2} | {loadGenCpuPerMessage:0.0} |"));
                // Kept up: at the step's end at most one second of the offered load was still waiting, and it drained.
                if (backlog <= rate && drained)
                {
                    sustained = Math.Max(sustained, applied);
                }
                else
                {
                    break;
                }

                // The load generator's own ceiling: asking for more only queues its backlog in the broker (memory that is
                // not the silo's working set) and says nothing more about the silo. (Its rate counts the wait for the last
                // PUBACKs too, so even an on-schedule step reads a few % under the asked rate: hence 80 %.)
                if (sent / double.Parse(reply[2], Inv) < 0.8 * rate)
                {
                    Console.WriteLine(string.Create(Inv, $"The load generator published under 80 % of the {rate:N0} msg/s asked: its limit here, not the silo's; no higher steps."));
                    break;
                }
            }

            // Drain phase: the silo's own ceiling, whatever the load generator manages. The silo goes away, a backlog is
            // queued in its session on the broker, and the silo comes back and applies it as fast as it can.
            await ingest.WhenProcessed(published);
            await ingest.DisposeAsync();
            await loadGen.StandardInput.WriteLineAsync(string.Create(Inv, $"run {DrainBacklog / 10} 10"));
            await loadGen.StandardInput.FlushAsync();
            var queued = long.Parse((await loadGen.StandardOutput.ReadLineAsync() ?? "").Split(' ')[1], Inv);
            ingest = new MqttIngest(IngestOptions(), host, concurrency: concurrency);
            var drainWatch = Stopwatch.StartNew();
            var drainCpu = Cpu();
            var drainAllocated = GC.GetTotalAllocatedBytes();
            await ingest.StartAsync();
            await ingest.WhenProcessed(queued).WaitAsync(TimeSpan.FromMinutes(5));
            var drainRate = queued / drainWatch.Elapsed.TotalSeconds;
            var drainCpuPerMessage = (Cpu() - drainCpu).TotalMicroseconds / queued;
            var drainBytesPerMessage = (GC.GetTotalAllocatedBytes() - drainAllocated) / (double)queued;
            Console.WriteLine();
            Console.WriteLine(string.Create(Inv,
                $"Drain: {queued:N0} queued messages validated and applied in {drainWatch.Elapsed.TotalSeconds:0.00} s = {drainRate:N0} msg/s, {drainCpuPerMessage:0.0} CPU µs and {drainBytesPerMessage:N0} bytes allocated per message; silo peak memory {PeakMiB():0} MiB."));
            await ingest.DisposeAsync();
            await loadGen.StandardInput.WriteLineAsync("quit");
            await loadGen.WaitForExitAsync();
            Console.WriteLine();
            Console.WriteLine(string.Create(Inv,
                $"Sustained (highest step kept up with): {sustained:N0} msg/s validated and applied; rejected {ingest.Rejected:N0}; grain errors {errors}; silo peak memory {PeakMiB():0} MiB; load {MqttBench.LoadAverage()}."));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>This process's CPU time: per message it does not depend on how many other processes share the cores.</summary>
    private static TimeSpan Cpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>The load generator's CPU time (it shares the cores: its cost per message is what it takes from the silo).</summary>
    private static TimeSpan Cpu(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    private static (int Gen0, int Gen1, int Gen2) Collections() => (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    private static double PeakMiB()
    {
        // VmHWM: the resident set's high-water mark of this process (broker + ingest + grains).
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Inv) / 1024;
    }

    private static Process StartLoadGenerator(int port, int devices, string qos)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "GreenCompute.LoadGen.dll");
        return Process.Start(new ProcessStartInfo("dotnet", [dll, "--port", port.ToString(Inv), "--devices", devices.ToString(Inv), "--qos", qos])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("the load generator did not start");
    }

    private sealed class DiscardCommands : INodeCommandSink
    {
        public Task SendAsync(NodeCommand command, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
