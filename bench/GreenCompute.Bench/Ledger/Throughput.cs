using System.Diagnostics;

namespace GreenCompute.Bench.Ledger;

/// <summary>Operations per second in fixed time windows, on one or more threads, and medians of repeated timings.</summary>
internal static class Throughput
{
    /// <summary>
    /// Median over <paramref name="runs"/> windows of the operations completed per second by <paramref name="threads"/>
    /// threads, each running its own worker (made once per thread by <paramref name="workerFor"/>, so no state is
    /// shared) until the window closes. One short untimed window first warms the JIT and caches.
    /// </summary>
    public static double PerSecond(int threads, int runs, TimeSpan window, Func<int, Action> workerFor)
    {
        var workers = Enumerable.Range(0, threads).Select(workerFor).ToArray();
        Window(workers, window / 4);
        return Median([.. Enumerable.Range(0, runs).Select(_ => Window(workers, window))]);
    }

    /// <summary>Median wall time of <paramref name="runs"/> calls of <paramref name="action"/> after one untimed call, ms.</summary>
    public static double MedianMilliseconds(int runs, Action action)
    {
        action();
        var times = new List<double>(runs);
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return Median(times);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double Window(Action[] workers, TimeSpan window)
    {
        var counts = new long[workers.Length];
        var clock = Stopwatch.StartNew();
        var threads = workers.Select((work, t) => new Thread(() =>
        {
            while (clock.Elapsed < window)
            {
                work();
                counts[t]++;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }
}
