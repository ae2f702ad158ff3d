using GreenCompute.Core.Units;
using GreenCompute.SchedulingBench.Policies;
using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Tests.Policies;

public class GreenComputePolicyTests
{
    [Fact]
    public void Step_BelowTheBand_TheDeviceGuardHeatsAtFullPower()
    {
        var inputs = BenchFixture.Inputs(rooms: 2, TimeSpan.FromHours(6));
        var context = BenchFixture.Context(inputs, QueueOrder.EarliestDeadline);
        context.Nodes[0].Temperature = new Celsius(15);
        context.Nodes[1].Temperature = new Celsius(22.5);

        new GreenComputePolicy().Step(context);

        Assert.Equal(1000, context.Control.Cap(0).Value);
        Assert.True(context.Control.HeatWanted(0));
    }

    [Fact]
    public void Run_ADay_PlansHeatAndCompletesTheWork()
    {
        var jobs = Enumerable.Range(0, 12).Select(i => BenchFixture.Job($"j{i}", i * 90, 4, 1200, (i * 90) + 480)).ToList();
        var inputs = BenchFixture.Inputs(rooms: 3, TimeSpan.FromDays(1), jobs);

        var metrics = BenchRunner.Run(new GreenComputePolicy(), inputs).Metrics;

        Assert.Equal(12, metrics.Jobs);
        Assert.Equal(0, metrics.JobsUnfinished);
        Assert.Equal(12 * 4 * 1200 / 3600.0, metrics.CoreHours, 6);
        Assert.True(metrics.EnergyKwh > 5, $"{metrics.EnergyKwh} kWh heated three rooms for a day");
        Assert.True(metrics.TooCold < 3, $"{metrics.TooCold} K·h too cold");
    }
}
