using System.Globalization;
using GreenCompute.SchedulingBench.Metrics;

namespace GreenCompute.SchedulingBench.Report;

/// <summary>
/// The five goals, each checked on every configuration it applies to, with the gap printed: comfort no worse
/// than thermostat-only; cost per core-hour ≥ 15 % below thermostat-only on scenario 1; deadline misses ≤ 1 % at
/// 60 % load with s = 3; cost per core-hour within 10 % of the oracle; a 70-day season of 32 rooms in ≤ 60 s per
/// scheduler (runs shorter than 70 days are scaled up linearly, and say so).
/// </summary>
internal static class GoalReport
{
    public const string Ours = "GreenCompute (ours)";
    public const string Thermostat = "thermostat-only";
    public const string Oracle = "offline oracle";

    public sealed record Check(string Goal, string Config, bool Holds, string Detail);

    public static IReadOnlyList<Check> Evaluate(IReadOnlyList<ConfigResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var checks = new List<Check>();
        foreach (var config in results)
        {
            var ours = Find(config, Ours);
            var thermostat = Find(config, Thermostat);
            var oracle = Find(config, Oracle);
            if (ours is null)
            {
                continue;
            }

            if (thermostat is not null)
            {
                checks.Add(new Check("comfort violation ≤ thermostat-only", config.Label,
                    ours.ComfortViolation <= thermostat.ComfortViolation,
                    F($"{ours.ComfortViolation:0.0} vs {thermostat.ComfortViolation:0.0} K·h (gap {ours.ComfortViolation - thermostat.ComfortViolation:+0.0;-0.0} K·h)")));
                if (config.ScenarioNumber == 1)
                {
                    var saving = 1 - (ours.CostPerCoreHour / thermostat.CostPerCoreHour);
                    checks.Add(new Check("cost/core-h ≥ 15 % below thermostat-only (scenario 1)", config.Label, saving >= 0.15,
                        F($"{Cents(ours.CostPerCoreHour)} vs {Cents(thermostat.CostPerCoreHour)} ct/core-h: {saving:P1} below (goal 15 %)")));
                }
            }

            if (Math.Abs(config.Load - 0.6) < 1e-9 && Math.Abs(config.Slack - 3) < 1e-9)
            {
                checks.Add(new Check("deadline misses ≤ 1 % at 60 % load, s = 3", config.Label, ours.MissRate <= 0.01,
                    F($"{ours.MissRate:P2} of {ours.Jobs:N0} jobs ({ours.JobsMissed:N0} missed)")));
            }

            if (oracle is not null)
            {
                var gap = (ours.CostPerCoreHour / oracle.CostPerCoreHour) - 1;
                checks.Add(new Check("cost/core-h within 10 % of the oracle", config.Label, gap <= 0.10,
                    F($"{Cents(ours.CostPerCoreHour)} vs {Cents(oracle.CostPerCoreHour)} ct/core-h: {gap:+0.0%;-0.0%} (total cost {(ours.CostEur / oracle.CostEur) - 1:+0.0%;-0.0%})")));
            }
        }

        foreach (var scheduler in results.SelectMany(r => r.Runs).Select(r => r.Metrics.Scheduler).Distinct())
        {
            var worst = results
                .SelectMany(r => r.Runs.Where(x => x.Metrics.Scheduler == scheduler).Select(x => (Seconds: x.Metrics.WallSeconds * 70 / r.Days, r.Days, r.Label)))
                .MaxBy(x => x.Seconds);
            var scaled = worst.Days < 70 ? F($" (scaled from {worst.Days:0.#} days)") : "";
            checks.Add(new Check("70-day season of 32 rooms ≤ 60 s", scheduler, worst.Seconds <= 60,
                F($"slowest {worst.Seconds:0.0} s{scaled} on {worst.Label}")));
        }

        return checks;
    }

    public static SchedulerMetrics? Find(ConfigResult config, string scheduler) =>
        config.Runs.Select(r => r.Metrics).FirstOrDefault(m => m.Scheduler == scheduler);

    public static string Cents(double eurPerCoreHour) => (eurPerCoreHour * 100).ToString("0.000", CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
