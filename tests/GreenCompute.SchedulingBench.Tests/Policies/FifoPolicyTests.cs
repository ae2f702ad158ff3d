using GreenCompute.SchedulingBench.Policies;
using GreenCompute.SchedulingBench.Simulation;
using static GreenCompute.SchedulingBench.Tests.Policies.ThermostatPolicyTests;

namespace GreenCompute.SchedulingBench.Tests.Policies;

public class FifoPolicyTests
{
    [Fact]
    public void Step_SpreadsTasksOverFreeCores_WithoutHeatOnlyLoadEvenInAColdRoom()
    {
        var inputs = BenchFixture.Inputs(rooms: 2, TimeSpan.FromHours(6), [BenchFixture.Job("a", 0, 20, 3600, 600)]);
        var context = BenchFixture.Context(inputs, QueueOrder.Fifo);
        Temperatures(context, 12, 12);

        new FifoPolicy().Step(context);

        Assert.Equal([10, 10], Running(context));
        Assert.All(context.Nodes, n => Assert.False(context.Control.HeatWanted(n.Index)));
        Assert.All(context.Nodes, n => Assert.Equal(1000, context.Control.Cap(n.Index).Value));
    }

    [Fact]
    public void Step_SafetyCutOff_AboveBandMaxPlusOne_UntilBackAtTheMax()
    {
        var inputs = BenchFixture.Inputs(rooms: 2, TimeSpan.FromHours(6), [BenchFixture.Job("a", 0, 20, 3600, 600)]);
        var context = BenchFixture.Context(inputs, QueueOrder.Fifo);
        var policy = new FifoPolicy();
        Temperatures(context, 22, 22);
        policy.Step(context);
        Assert.Equal([10, 10], Running(context));

        Temperatures(context, 24.1, 22);
        policy.Step(context);
        Assert.Equal([0, 16], Running(context));
        Assert.Equal(0, context.Control.Cap(0).Value);

        Temperatures(context, 23.5, 22);
        policy.Step(context);
        Assert.Equal(0, context.Book.RunningCount(0));

        Temperatures(context, 23.0, 22);
        policy.Step(context);
        Assert.Equal([4, 16], Running(context));
    }
}
