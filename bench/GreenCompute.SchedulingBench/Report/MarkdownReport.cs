using System.Globalization;
using System.Text;

namespace GreenCompute.SchedulingBench.Report;

/// <summary>The Markdown report: one table per configuration, then the goals with their gaps.</summary>
internal static class MarkdownReport
{
    private const string Header =
        "| scheduler | comfort K·h (cold/hot) | RMS K | useful heat | ct/core-h | ct/useful kWh | deadline miss | p95 BSD | heat w/o paid work | energy kWh | core-h | ms/round | run s |";

    private const string Rule = "|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public static string Table(ConfigResult config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var text = new StringBuilder();
        text.AppendLine(F($"### {config.ScenarioName}: load {config.Load:P0}, s = {config.Slack:0.##}, {config.Days:0.#} days"));
        text.AppendLine(F($"{config.JobCount:N0} jobs; offered {config.OfferedCores:0} busy cores; heat-backed capacity {config.HeatBackedCores:0} busy cores; comfort floor (every heater flat out) {config.ComfortFloor:0.0} K·h too cold."));
        text.AppendLine();
        text.AppendLine(Header);
        text.AppendLine(Rule);
        foreach (var m in config.Runs.Select(r => r.Metrics))
        {
            text.AppendLine(F(
                $"| {m.Scheduler} | {m.ComfortViolation:0.0} ({m.TooCold:0.0}/{m.TooHot:0.0}) | {m.RmsDeviation:0.00} | {m.UsefulFraction:P1} | {GoalReport.Cents(m.CostPerCoreHour)} | {m.CostPerUsefulKwh * 100:0.00} | {m.MissRate:P2} ({m.JobsMissed:N0}/{m.Jobs:N0}) | {m.P95BoundedSlowdown:0.0} | {m.UnpaidKwh:N0} kWh ({m.UnpaidFraction:P0}) | {m.EnergyKwh:N0} | {m.CoreHours:N0} | {m.PlanningMsPerRound:0.00} | {m.WallSeconds:0.0} |"));
        }

        foreach (var m in config.Runs.Select(r => r.Metrics).Where(m => m.Note is not null))
        {
            text.AppendLine();
            text.AppendLine($"{m.Scheduler}: {m.Note}");
        }

        return text.ToString();
    }

    public static string Goals(IReadOnlyList<ConfigResult> results, BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder();
        text.AppendLine("## Goals");
        text.AppendLine();
        text.AppendLine("| goal | configuration | holds | result and gap |");
        text.AppendLine("|---|---|---|---|");
        foreach (var check in GoalReport.Evaluate(results))
        {
            text.AppendLine($"| {check.Goal} | {check.Config} | {(check.Holds ? "yes" : "**no**")} | {check.Detail} |");
        }

        if (options.Quick)
        {
            text.AppendLine();
            text.AppendLine("Quick mode: 14 days, one load and deadline factor; the full matrix is the default command.");
        }

        return text.ToString();
    }

    public static string Document(IReadOnlyList<ConfigResult> results, BenchOptions options, string machineAtStart, string machineAtEnd, string dataNotice)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder();
        text.AppendLine("# Scheduling benchmark results");
        text.AppendLine();
        text.AppendLine($"- Machine at start: {machineAtStart}");
        text.AppendLine($"- Machine at end: {machineAtEnd}");
        text.AppendLine($"- {dataNotice}");
        text.AppendLine(F($"- Physics step {options.Step.TotalSeconds:0} s, planning rounds every 15 min; deadline = submit + max(s × run time, run time + {options.MinimumSlack.TotalMinutes:0} min)."));
        text.AppendLine("- Money in euro cents (ct); comfort in K·h summed over the 32 rooms; RMS against band minimum + 0.5 K over occupied hours.");
        text.AppendLine();
        foreach (var scenario in results.GroupBy(r => r.ScenarioName))
        {
            text.AppendLine($"## {scenario.Key}");
            text.AppendLine();
            foreach (var config in scenario)
            {
                text.AppendLine(Table(config));
            }
        }

        text.AppendLine(Goals(results, options));
        return text.ToString();
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
