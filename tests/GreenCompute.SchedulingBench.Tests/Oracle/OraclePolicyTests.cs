using GreenCompute.SchedulingBench.Oracle;
using GreenCompute.SchedulingBench.Policies;
using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Tests.Oracle;

public class OraclePolicyTests
{
    [Fact]
    public void Run_TwoDays_KeepsComfortMeetsDeadlinesAndCostsNoMoreThanTheThermostat()
    {
        var jobs = Enumerable.Range(0, 16).Select(i => BenchFixture.Job($"j{i}", i * 150, 8, 1800, (i * 150) + 180)).ToList();
        var inputs = BenchFixture.Inputs(rooms: 3, TimeSpan.FromDays(2), jobs);

        var oracle = BenchRunner.Run(new OraclePolicy(), inputs).Metrics;
        var thermostat = BenchRunner.Run(new ThermostatPolicy(QueueOrder.Fifo), inputs).Metrics;

        Assert.Equal(0, oracle.JobsMissed);
        Assert.True(oracle.ComfortViolation < 2, $"{oracle.ComfortViolation} K·h outside the band");
        Assert.True(oracle.ComfortViolation < thermostat.ComfortViolation);
        Assert.True(oracle.CostEur <= thermostat.CostEur * 1.05, $"oracle {oracle.CostEur} EUR vs thermostat {thermostat.CostEur} EUR");
        Assert.Contains("2 windows", oracle.Note, StringComparison.Ordinal);
    }
}
