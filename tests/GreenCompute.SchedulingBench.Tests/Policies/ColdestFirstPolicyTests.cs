using GreenCompute.SchedulingBench.Policies;
using GreenCompute.SchedulingBench.Simulation;
using static GreenCompute.SchedulingBench.Tests.Policies.ThermostatPolicyTests;

namespace GreenCompute.SchedulingBench.Tests.Policies;

public class ColdestFirstPolicyTests
{
    [Fact]
    public void Step_FillsTheColdestRoomFirst_ThenTheNextColdest()
    {
        var inputs = BenchFixture.Inputs(rooms: 3, TimeSpan.FromHours(6), [BenchFixture.Job("a", 0, 20, 3600, 600)]);
        var context = BenchFixture.Context(inputs, QueueOrder.Fifo);
        Temperatures(context, 21, 17.1, 18);

        new ColdestFirstPolicy().Step(context);

        Assert.Equal([0, 16, 4], Running(context));
        Assert.True(context.Control.HeatWanted(1)); // 17.1 °C is at or below the thermostat's switch-on point
        Assert.False(context.Control.HeatWanted(0));
        Assert.All(context.Nodes, n => Assert.Equal(1000, context.Control.Cap(n.Index).Value));
    }

    [Fact]
    public void Step_SkipsARoomInSafetyCutOff()
    {
        var inputs = BenchFixture.Inputs(rooms: 2, TimeSpan.FromHours(6), [BenchFixture.Job("a", 0, 4, 3600, 600)]);
        var context = BenchFixture.Context(inputs, QueueOrder.Fifo);
        Temperatures(context, 24.5, 22);

        new ColdestFirstPolicy().Step(context);

        Assert.Equal([0, 4], Running(context));
    }
}
