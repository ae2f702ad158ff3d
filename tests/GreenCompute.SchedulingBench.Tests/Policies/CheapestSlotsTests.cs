using GreenCompute.SchedulingBench.Policies;
using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Tests.Policies;

public class CheapestSlotsTests
{
    [Fact]
    public void Select_TakesTheCheapestSlots_LaterFirstOnTies()
    {
        double[] prices = [30, 10, 20, 10, 40, 20];

        Assert.Equal([false, true, false, true, false, false], CheapestSlots.Select(prices, 2));
        Assert.Equal([false, false, false, true, false, false], CheapestSlots.Select(prices, 1));
        Assert.Equal([false, true, false, true, false, true], CheapestSlots.Select(prices, 3));
    }

    [Fact]
    public void Plan_AddsTheCheapestEarlierSlot_WhereTheRoomWouldGetTooCold()
    {
        // A room losing heat fast (decay 0.5 per slot toward 0 °C outdoors, 1 kW holds 10 K): the cheap slots are late,
        // so the first boundaries would fall below 5 °C; the cheapest slot before the first violation is added.
        double[] prices = [50, 40, 30, 1, 1, 1];
        double[] outdoor = [0, 0, 0, 0, 0, 0];
        double[] lower = [double.NegativeInfinity, 5, 5, 5, 5, 5, 5];
        double[] upper = [double.PositiveInfinity, 20, 20, 20, 20, 20, 20];

        var on = CheapestSlots.Plan(prices, 3, start: 6, decay: 0.5, heatLoss: 100, outdoor, lower, upper, maxPower: 1000);

        Assert.Equal([true, true, true, true, true, true], on);
    }

    [Fact]
    public void Plan_DropsTheDearestChosenSlot_BeforeTheRoomWouldGetTooHot()
    {
        // Slots 0 and 1 are chosen; together they would take the room from 4 °C to 7 then 8.5 °C, above the 6.5 °C
        // ceiling at boundary 2. The dearer of the two (slot 0) is dropped: 2 then 6 °C.
        double[] prices = [20, 10, 30, 40];
        double[] outdoor = [0, 0, 0, 0];
        double[] lower = [double.NegativeInfinity, 0, 0, 0, 0];
        double[] upper = [double.PositiveInfinity, 8, 6.5, 20, 20];

        var on = CheapestSlots.Plan(prices, 2, start: 4, decay: 0.5, heatLoss: 100, outdoor, lower, upper, maxPower: 1000);

        Assert.Equal([false, true, false, false], on);
    }

    [Fact]
    public void Run_TasksOnlyRunOnHeatersThatAreOn()
    {
        var jobs = Enumerable.Range(0, 24).Select(i => BenchFixture.Job($"j{i}", i * 60, 4, 1800, (i * 60) + 600)).ToList();
        var inputs = BenchFixture.Inputs(rooms: 3, TimeSpan.FromDays(1), jobs);
        var checking = new CheckingPolicy(new CheapestSlotsPolicy(), c =>
        {
            foreach (var node in c.Nodes)
            {
                var on = c.Control.Cap(node.Index) == node.Heater.MaxPower;
                Assert.True(on || c.Control.Cap(node.Index).Value == 0, "a cheapest-slots heater is either full on or off");
                Assert.True(on || c.Book.RunningCount(node.Index) == 0, $"tasks on {node.Id} while it is off");
            }
        });

        var result = BenchRunner.Run(checking, inputs);

        Assert.True(result.Metrics.CoreHours > 0);
    }
}
