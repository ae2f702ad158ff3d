using System.Globalization;
using GreenCompute.SchedulingBench.Policies;
using GreenCompute.SchedulingBench.Report;
using GreenCompute.SchedulingBench.Setup;
using GreenCompute.SchedulingBench.Simulation;
using GreenCompute.Simulation.Data;

namespace GreenCompute.SchedulingBench;

/// <summary>
/// Issue 7's benchmark: our scheduler against the baselines and the offline oracle, side by side on identical inputs
/// (real weather, prices and the NASA trace), over the configured scenarios, loads and deadline factors. Prints a
/// table per configuration as it finishes and writes results.md and one SVG chart per scenario to the output folder.
/// </summary>
public static class SchedulingBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        var folder = DataFolder.Resolve(options.DataFolder);
        var output = OutputFolder(options);
        Directory.CreateDirectory(output);
        var machine = MachineInfo.Describe();
        Console.WriteLine($"Scheduling benchmark: {machine}");
        Console.WriteLine(folder.Notice);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Days:0.#} days × {string.Join("/", options.Scenarios)} × loads {string.Join("/", options.Loads)} × s {string.Join("/", options.Slacks)}; schedulers: {string.Join(", ", options.Schedulers)}; output {output}"));

        var results = new List<ConfigResult>();
        foreach (var zone in options.Scenarios)
        {
            var setup = ScenarioSetup.Create(folder, zone, TimeSpan.FromDays(options.Days));
            var floor = BenchRunner.Run(new FlatOutPolicy(), setup.HeatOnlyInputs(options.Step)).Metrics.TooCold;
            foreach (var load in options.Loads)
            {
                foreach (var slack in options.Slacks)
                {
                    var result = RunConfig(setup, load, slack, floor, options);
                    results.Add(result);
                    Console.WriteLine();
                    Console.WriteLine(MarkdownReport.Table(result));

                    // Written after every configuration, so a long matrix leaves its results even if stopped.
                    await File.WriteAllTextAsync(
                        Path.Combine(output, "results.md"), MarkdownReport.Document(results, options, machine, MachineInfo.Describe(), folder.Notice));
                }
            }
        }

        var report = MarkdownReport.Document(results, options, machine, MachineInfo.Describe(), folder.Notice);
        await File.WriteAllTextAsync(Path.Combine(output, "results.md"), report);
        foreach (var chart in ChartSelection.Pick(results))
        {
            var name = Path.Combine(output, $"room-{chart.Zone.ToLowerInvariant()}");
            await File.WriteAllTextAsync(name + "-week.svg", SvgChart.Render(chart, options.ChartRoom));
            await File.WriteAllTextAsync(name + "-trace.csv", TraceCsv.Render(chart));
        }

        Console.WriteLine();
        Console.WriteLine(MarkdownReport.Goals(results, options));
        Console.WriteLine($"Wrote {Path.Combine(output, "results.md")}, the week charts and the chart rooms' traces.");
        return 0;
    }

    private static ConfigResult RunConfig(ScenarioSetup setup, double load, double slack, double floor, BenchOptions options)
    {
        var inputs = setup.Inputs(load, slack, options.MinimumSlack, options.Step);
        var offered = inputs.Jobs.Sum(j => j.TotalWork) / (setup.End - setup.Start).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{setup.Scenario.Name}, load {load:P0} (offered {offered:0} busy cores of {setup.HeatBackedCores:0} heat-backed, {setup.FleetCores} in the fleet), s = {slack}: {inputs.Jobs.Count:N0} jobs, {inputs.Jobs.Sum(j => j.TaskCount):N0} tasks"));
        var runs = new RunResult[options.Schedulers.Count];
        Parallel.For(0, runs.Length, new ParallelOptions { MaxDegreeOfParallelism = options.Parallel }, i =>
        {
            var policy = PolicyCatalog.Create(options.Schedulers[i]);
            runs[i] = BenchRunner.Run(policy, inputs, options.ChartRoom);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {policy.Name}: {runs[i].Metrics.WallSeconds:0.0} s"));
        });

        return new ConfigResult(
            setup.Scenario.Zone, setup.Scenario.Number, setup.Scenario.Name, load, slack, options.Days,
            setup.HeatBackedCores, offered, inputs.Jobs.Count, floor, runs);
    }

    private static string OutputFolder(BenchOptions options)
    {
        if (options.OutputFolder is { } explicitFolder)
        {
            return Path.GetFullPath(explicitFolder);
        }

        var root = DataFolder.FindRepositoryRoot(Environment.CurrentDirectory) ?? Environment.CurrentDirectory;
        return Path.Combine(root, "bench", "results", "scheduling");
    }
}
