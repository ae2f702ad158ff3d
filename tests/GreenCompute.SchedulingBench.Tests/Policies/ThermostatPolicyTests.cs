using GreenCompute.Core.Units;
using GreenCompute.SchedulingBench.Policies;
using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Tests.Policies;

public class ThermostatPolicyTests
{
    // The window starts at local midnight: setback band 17–23 °C, setpoint 17.7 °C, on at ≤ 17.2 °C, off at ≥ 18.2 °C.

    [Fact]
    public void Step_HeatingNodesRunTasksAtFullPower_OthersAreOff()
    {
        var inputs = BenchFixture.Inputs(rooms: 3, TimeSpan.FromHours(6), [BenchFixture.Job("a", 0, 40, 3600, 600)]);
        var context = BenchFixture.Context(inputs, QueueOrder.Fifo);
        Temperatures(context, 16.5, 21, 17.0);

        new ThermostatPolicy(QueueOrder.Fifo).Step(context);

        Assert.Equal([16, 0, 16], Running(context));
        Assert.Equal(1000, context.Control.Cap(0).Value);
        Assert.True(context.Control.HeatWanted(0));
        Assert.Equal(0, context.Control.Cap(1).Value);
        Assert.Equal(8, context.Book.WaitingCount);
    }

    [Fact]
    public void Step_WhenHeatingStops_TasksPauseBackToTheQueue()
    {
        var inputs = BenchFixture.Inputs(rooms: 1, TimeSpan.FromHours(6), [BenchFixture.Job("a", 0, 4, 3600, 600)]);
        var context = BenchFixture.Context(inputs, QueueOrder.Fifo);
        var policy = new ThermostatPolicy(QueueOrder.Fifo);
        Temperatures(context, 16.5);
        policy.Step(context);
        Assert.Equal(4, context.Book.RunningCount(0));

        context.Now += TimeSpan.FromMinutes(11);
        Temperatures(context, 18.5);
        policy.Step(context);

        Assert.False(policy.IsHeating(0));
        Assert.Equal(0, context.Book.RunningCount(0));
        Assert.Equal(4, context.Book.WaitingCount);
        Assert.Equal(0, context.Control.Cap(0).Value);
    }

    [Theory]
    [InlineData(false, 16, 0)]
    [InlineData(true, 15, 1)]
    public void Step_QueueOrder_DecidesWhoGetsTheCores(bool earliestDeadlineFirst, int early, int urgent)
    {
        var order = earliestDeadlineFirst ? QueueOrder.EarliestDeadline : QueueOrder.Fifo;
        // 16 tasks submitted first with a late deadline, then one task due soon: one heating node has 16 cores.
        var inputs = BenchFixture.Inputs(rooms: 1, TimeSpan.FromHours(6), [BenchFixture.Job("early", 0, 16, 3600, 600), BenchFixture.Job("urgent", 0, 1, 600, 60)]);
        var context = BenchFixture.Context(inputs, order);
        Temperatures(context, 16.5);

        new ThermostatPolicy(order).Step(context);

        Assert.Equal(early, context.Book.RunningOn(0).Count(t => t.Job.Arrival.JobId == "early"));
        Assert.Equal(urgent, context.Book.RunningOn(0).Count(t => t.Job.Arrival.JobId == "urgent"));
    }

    [Fact]
    public void Run_TasksOnlyEverRunWhileTheirNodeHeats()
    {
        var jobs = Enumerable.Range(0, 24).Select(i => BenchFixture.Job($"j{i}", i * 60, 6, 1800, (i * 60) + 240)).ToList();
        var inputs = BenchFixture.Inputs(rooms: 3, TimeSpan.FromDays(1), jobs);
        var thermostat = new ThermostatPolicy(QueueOrder.Fifo);
        var checking = new CheckingPolicy(thermostat, c =>
        {
            foreach (var node in c.Nodes.Where(n => c.Book.RunningCount(n.Index) > 0))
            {
                Assert.True(thermostat.IsHeating(node.Index), $"tasks on {node.Id} while its thermostat is off");
                Assert.Equal(node.Heater.MaxPower, c.Control.Cap(node.Index));
            }
        });

        var result = BenchRunner.Run(checking, inputs);

        Assert.Equal(1440, checking.Checks);
        Assert.True(result.Metrics.CoreHours > 0);
    }

    internal static void Temperatures(StepContext context, params double[] celsius)
    {
        for (var i = 0; i < celsius.Length; i++)
        {
            context.Nodes[i].Temperature = new Celsius(celsius[i]);
        }
    }

    internal static int[] Running(StepContext context) => [.. context.Nodes.Select(n => context.Book.RunningCount(n.Index))];
}
