using System.Diagnostics;
using System.Globalization;
using GreenCompute.Actors;

namespace GreenCompute.Bench;

/// <summary>
/// Grain host throughput and footprint: calls/s spread over 100,000 activations and on one hot grain at a few
/// concurrency levels (each level is that many callers, each awaiting its call before the next), and memory per
/// idle activation. In-memory storage, system clock, default options.
/// </summary>
internal static class GrainHostBench
{
    private const int Activations = 100_000;
    private const int SpreadCalls = 1_000_000;
    private const int HotCalls = 500_000;

    /// <summary>Each call scenario runs this many times; the table quotes the median.</summary>
    private const int Repeats = 5;

    public interface IBenchGrain : IGrainWithStringKey
    {
        Task<int> Ping();
    }

    public static async Task RunAsync()
    {
        Console.WriteLine($"GrainHost benchmark ({Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd})");
        Console.WriteLine();

        await using var host = new GrainHost(new InMemoryGrainStorage(), TimeProvider.System);
        host.AddGrain<IBenchGrain, BenchGrain>(() => new BenchGrain());
        await host.StartAsync(CancellationToken.None);

        // Warm-up on other keys, so the JIT and the thread pool are ready before anything is measured.
        var warm = Enumerable.Range(0, 1_000).Select(i => host.GetGrain<IBenchGrain>($"warm-{i}")).ToArray();
        await CallsAsync(warm, 50_000, 64);

        var grains = Enumerable.Range(0, Activations).Select(i => host.GetGrain<IBenchGrain>($"node-{i:D6}")).ToArray();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var activation = Stopwatch.StartNew();
        await CallsAsync(grains, grains.Length, 256, roundRobin: true);
        activation.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);

        var rows = new List<string[]>
        {
            Row("activate 100,000 grains (first call each)", 256, Activations, activation.Elapsed),
        };
        foreach (var concurrency in new[] { 1, 16, 256, 4_096 })
        {
            rows.Add(Row("calls spread over 100,000 activations", concurrency, SpreadCalls, await MedianAsync(() => CallsAsync(grains, SpreadCalls, concurrency))));
        }

        var hot = new[] { host.GetGrain<IBenchGrain>("hot") };
        foreach (var concurrency in new[] { 1, 16, 256 })
        {
            rows.Add(Row("calls on one hot grain", concurrency, HotCalls, await MedianAsync(() => CallsAsync(hot, HotCalls, concurrency))));
        }

        Console.WriteLine($"Call rows: median of {Repeats} runs. Activation: one run (a grain activates once).");
        Console.WriteLine();
        Console.WriteLine("| scenario | concurrent callers | calls | seconds | calls/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {string.Join(" | ", row)} |");
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Memory per idle activation: {(after - before) / (double)Activations:F0} bytes " +
            $"(GC.GetTotalMemory(true) {before / 1048576.0:F1} MiB before, {after / 1048576.0:F1} MiB after {Activations:N0} activations; " +
            $"{host.ActivationCount:N0} activations live)."));
        GC.KeepAlive(grains);
    }

    private static async Task<TimeSpan> MedianAsync(Func<Task<TimeSpan>> run)
    {
        var times = new List<TimeSpan>(Repeats);
        for (var i = 0; i < Repeats; i++)
        {
            times.Add(await run());
        }

        times.Sort();
        return times[Repeats / 2];
    }

    private static async Task<TimeSpan> CallsAsync(IBenchGrain[] grains, int calls, int concurrency, bool roundRobin = false)
    {
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, concurrency).Select(caller => Task.Run(async () =>
        {
            var random = new Random(caller);
            int call;
            while ((call = Interlocked.Increment(ref next)) < calls)
            {
                var grain = roundRobin ? grains[call % grains.Length] : grains[random.Next(grains.Length)];
                await grain.Ping();
            }
        }));
        await Task.WhenAll(callers);
        return stopwatch.Elapsed;
    }

    private static string[] Row(string scenario, int concurrency, int calls, TimeSpan elapsed) =>
    [
        scenario,
        concurrency.ToString("N0", CultureInfo.InvariantCulture),
        calls.ToString("N0", CultureInfo.InvariantCulture),
        elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture),
        (calls / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture),
    ];

    private sealed class BenchGrain : Grain, IBenchGrain
    {
        private int _pings;

        public Task<int> Ping() => Task.FromResult(++_pings);
    }
}
