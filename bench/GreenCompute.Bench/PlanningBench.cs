using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using GreenCompute.Bench.Planning;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Work.Assignment;

namespace GreenCompute.Bench;

/// <summary>
/// Decision time of one planning round against fleet size: every node's power plan (PowerPlanner, 96 slots of
/// 15 min, on two cores as the silo's node grains would plan in parallel), then one TaskAssigner round over a queue
/// of 100,000 tasks. Median of <see cref="Rounds"/> rounds after a warm-up round, per fleet size. The assignment is
/// timed for both policies on the same snapshot: planned heat as sunk cost (the default) and price-ranked.
/// </summary>
internal static class PlanningBench
{
    private const int Rounds = 5;
    private const int QueuedTasks = 100_000;
    private const int PlanningCores = 2;
    private static readonly int[] FleetSizes = [1_000, 10_000, 100_000];
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Task RunAsync()
    {
        var curves = BenchCurves.Load();
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var horizon = PlanningHorizon.Default(start);
        var queue = BenchFleet.Queue(QueuedTasks, start, seed: 11);
        Console.WriteLine(string.Create(Inv,
            $"Planning round benchmark: {Environment.ProcessorCount} cores ({CpuModel()}), {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, " +
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}"));
        Console.WriteLine($"Inputs: {curves.Source}.");
        Console.WriteLine(string.Create(Inv,
            $"Each round: plan every node ({horizon.SlotCount} × {horizon.SlotLength.TotalMinutes:0} min, Parallel.For on {PlanningCores} cores), " +
            $"then one TaskAssigner round over {QueuedTasks:N0} queued tasks (one thread). Median of {Rounds} rounds after a warm-up."));
        Console.WriteLine();

        var results = new List<(int Nodes, RoundSample Median, string Load)>();
        foreach (var nodes in FleetSizes)
        {
            var fleet = new BenchFleet(nodes, curves, horizon, seed: nodes);
            Round(fleet, queue);
            var samples = Enumerable.Range(0, Rounds).Select(_ => Round(fleet, queue)).ToList();
            results.Add((nodes, Median(samples), LoadAverage()));
        }

        PrintRoundTable(results);
        PrintPolicyTable(results);
        PrintLinearity(results);
        return Task.CompletedTask;
    }

    private static RoundSample Round(BenchFleet fleet, ImmutableArray<QueuedTask> queue)
    {
        var snapshots = new NodeSnapshot[fleet.Count];
        Collect();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        Parallel.For(0, fleet.Count, new ParallelOptions { MaxDegreeOfParallelism = PlanningCores }, n => snapshots[n] = fleet.Plan(n));
        var planWall = clock.Elapsed;
        var planBytes = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        process.Refresh();
        var planCpu = process.TotalProcessorTime - cpu;

        var snapshot = new AssignmentSnapshot(fleet.Horizon.Start, fleet.Horizon, ImmutableArray.Create(snapshots), queue);
        var (sunkTime, sunkCpu, sunkBytes, sunk) = Assign(snapshot, AssignerOptions.Default);
        var (byPriceTime, _, _, byPrice) = Assign(snapshot, AssignerOptions.Default with { PlannedHeatIsSunk = false });
        return new RoundSample(planWall, planCpu, planBytes, sunkTime, sunkCpu, sunkBytes, byPriceTime,
            Starts(sunk), Starts(byPrice), HeatOnlyWhileWorkWaits(sunk), HeatOnlyWhileWorkWaits(byPrice));
    }

    private static (TimeSpan Wall, TimeSpan Cpu, long Bytes, AssignmentResult Result) Assign(AssignmentSnapshot snapshot, AssignerOptions options)
    {
        Collect();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = TaskAssigner.Assign(snapshot, options);
        var wall = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        process.Refresh();
        return (wall, process.TotalProcessorTime - cpu, allocated, result);
    }

    private static int Starts(AssignmentResult result) => result.Tasks.Count(t => t.Action == TaskAction.Start);

    /// <summary>Nodes with planned heat now that run no task although tasks wait.</summary>
    private static int HeatOnlyWhileWorkWaits(AssignmentResult result) =>
        result.Tasks.Any(t => t.Action == TaskAction.Wait)
            ? result.Nodes.Count(n => n.Start.IsEmpty && n.Keep.IsEmpty && n.Reason.Text.StartsWith("heat-only", StringComparison.Ordinal))
            : 0;

    private static RoundSample Median(List<RoundSample> samples)
    {
        static T Mid<T>(IEnumerable<T> values) => values.Order().ElementAt(Rounds / 2);
        return new RoundSample(
            Mid(samples.Select(s => s.PlanWall)), Mid(samples.Select(s => s.PlanCpu)), Mid(samples.Select(s => s.PlanBytes)),
            Mid(samples.Select(s => s.AssignSunk)), Mid(samples.Select(s => s.AssignSunkCpu)), Mid(samples.Select(s => s.AssignSunkBytes)), Mid(samples.Select(s => s.AssignByPrice)),
            samples[0].StartsSunk, samples[0].StartsByPrice, samples[0].HeatOnlySunk, samples[0].HeatOnlyByPrice);
    }

    private static void PrintRoundTable(List<(int Nodes, RoundSample Median, string Load)> results)
    {
        Console.WriteLine("| nodes | plan ms (wall) | plan ms (CPU, 2 cores) | assign ms (wall) | assign ms (CPU) | total ms (wall) | µs/node plan | µs/node total | plan MB alloc | assign MB alloc | load after |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (nodes, m, load) in results)
        {
            Console.WriteLine(string.Create(Inv,
                $"| {nodes:N0} | {m.PlanWall.TotalMilliseconds:F0} | {m.PlanCpu.TotalMilliseconds:F0} | {m.AssignSunk.TotalMilliseconds:F0} | " +
                $"{m.AssignSunkCpu.TotalMilliseconds:F0} | {m.Total.TotalMilliseconds:F0} | {Micros(m.PlanWall, nodes):F1} | {Micros(m.Total, nodes):F1} | " +
                $"{m.PlanBytes / 1048576.0:F0} | {m.AssignSunkBytes / 1048576.0:F0} | {load} |"));
        }

        Console.WriteLine();
    }

    private static void PrintPolicyTable(List<(int Nodes, RoundSample Median, string Load)> results)
    {
        Console.WriteLine($"Assignment only, same snapshot, {QueuedTasks:N0} queued tasks: planned heat as sunk cost (default) vs price-ranked planned cells.");
        Console.WriteLine();
        Console.WriteLine("| nodes | assign ms, sunk | assign ms, price-ranked | tasks started now, sunk | started now, price-ranked | heat-only nodes while work waits, sunk | same, price-ranked |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (nodes, m, _) in results)
        {
            Console.WriteLine(string.Create(Inv,
                $"| {nodes:N0} | {m.AssignSunk.TotalMilliseconds:F0} | {m.AssignByPrice.TotalMilliseconds:F0} | {m.StartsSunk:N0} | " +
                $"{m.StartsByPrice:N0} | {m.HeatOnlySunk:N0} | {m.HeatOnlyByPrice:N0} |"));
        }

        Console.WriteLine();
    }

    private static void PrintLinearity(List<(int Nodes, RoundSample Median, string Load)> results)
    {
        var (small, s, _) = results[0];
        var (large, l, _) = results[^1];
        double Ratio(TimeSpan atLarge, TimeSpan atSmall) => Micros(atLarge, large) / Micros(atSmall, small);
        Console.WriteLine(string.Create(Inv,
            $"Linearity, µs per node at {large:N0} ÷ at {small:N0} nodes (1.0 = linear): plan {Ratio(l.PlanWall, s.PlanWall):F2} wall, " +
            $"{Ratio(l.PlanCpu, s.PlanCpu):F2} CPU (CPU is the steadier figure on a shared machine); total {Ratio(l.Total, s.Total):F2} " +
            $"and assignment alone {Ratio(l.AssignSunk, s.AssignSunk):F2} (the {QueuedTasks:N0}-task queue is a fixed cost that weighs on small fleets)."));
    }

    private static double Micros(TimeSpan time, int nodes) => time.TotalMicroseconds / nodes;

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
}
