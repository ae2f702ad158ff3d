using GreenCompute.SchedulingBench.Metrics;
using GreenCompute.SchedulingBench.Report;
using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Tests.Report;

public class GoalReportTests
{
    [Fact]
    public void Evaluate_ChecksEachGoalWithItsGap()
    {
        var config = Config("DE", 1, 0.6, 3,
            Metrics(GoalReport.Ours, violation: 10, cost: 8, coreHours: 100, missRate: 0.005, seconds: 50),
            Metrics(GoalReport.Thermostat, violation: 12, cost: 10, coreHours: 100, missRate: 0.2, seconds: 5),
            Metrics(GoalReport.Oracle, violation: 1, cost: 7, coreHours: 100, missRate: 0, seconds: 70));

        var checks = GoalReport.Evaluate([config]).ToDictionary(c => (c.Goal, c.Config));

        Assert.True(checks[("comfort violation ≤ thermostat-only", config.Label)].Holds);
        Assert.True(checks[("cost/core-h ≥ 15 % below thermostat-only (scenario 1)", config.Label)].Holds); // 20 % below
        Assert.True(checks[("deadline misses ≤ 1 % at 60 % load, s = 3", config.Label)].Holds);
        var oracle = checks[("cost/core-h within 10 % of the oracle", config.Label)];
        Assert.False(oracle.Holds); // 8 vs 7: +14.3 %
        Assert.Contains("+14.3%", oracle.Detail, StringComparison.Ordinal);
        Assert.True(checks[("70-day season of 32 rooms ≤ 60 s", GoalReport.Ours)].Holds);
        Assert.False(checks[("70-day season of 32 rooms ≤ 60 s", GoalReport.Oracle)].Holds);
    }

    [Fact]
    public void Evaluate_ScenarioTwo_HasNoCostGoalAgainstTheThermostat()
    {
        var config = Config("BE", 2, 0.3, 10,
            Metrics(GoalReport.Ours, violation: 10, cost: 10, coreHours: 100, missRate: 0, seconds: 10),
            Metrics(GoalReport.Thermostat, violation: 9, cost: 10, coreHours: 100, missRate: 0, seconds: 10));

        var checks = GoalReport.Evaluate([config]);

        Assert.DoesNotContain(checks, c => c.Goal.StartsWith("cost/core-h ≥", StringComparison.Ordinal));
        Assert.DoesNotContain(checks, c => c.Goal.StartsWith("deadline", StringComparison.Ordinal));
        Assert.False(checks.Single(c => c.Goal.StartsWith("comfort", StringComparison.Ordinal)).Holds);
    }

    internal static ConfigResult Config(string zone, int scenario, double load, double slack, params SchedulerMetrics[] metrics) =>
        new(zone, scenario, $"{zone} test", load, slack, 70, 200, 120, 1000, 0, [.. metrics.Select(m => new RunResult(m, Trace()))]);

    private static SchedulerMetrics Metrics(string name, double violation, double cost, double coreHours, double missRate, double seconds) => new()
    {
        Scheduler = name,
        ComfortViolation = violation,
        CostEur = cost,
        CoreHours = coreHours,
        MissRate = missRate,
        Jobs = 1000,
        WallSeconds = seconds,
    };

    private static List<TracePoint> Trace()
    {
        var t0 = new DateTimeOffset(2017, 10, 22, 0, 0, 0, TimeSpan.Zero);
        return [.. Enumerable.Range(0, 4 * 24 * 15).Select(i => new TracePoint(t0.AddMinutes(15 * i), 20 + Math.Sin(i / 10.0), 20, 23, 500 + (400 * Math.Cos(i / 7.0)), 30 + (i % 96)))];
    }
}
