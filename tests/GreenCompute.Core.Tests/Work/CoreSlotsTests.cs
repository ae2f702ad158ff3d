using GreenCompute.Core.Model;
using GreenCompute.Core.Units;
using GreenCompute.Core.Work.Cores;

namespace GreenCompute.Core.Tests.Work;

public class CoreSlotsTests
{
    private static readonly HeaterSpec Heater = new(16, new Watts(100), new Watts(1000));
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static CoreClaim Task(string id, int hours = -1, int cores = 1) =>
        new(id, cores, hours < 0 ? DateTimeOffset.MaxValue : T0.AddHours(hours));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(99, 0)]
    [InlineData(100, 1)]
    [InlineData(156.25, 1)]
    [InlineData(156.26, 2)]
    [InlineData(550, 8)]
    [InlineData(999, 16)]
    [InlineData(1000, 16)]
    [InlineData(5000, 16)]
    public void Allowed_IsTheCapsCoresRoundedUp(double watts, int cores) =>
        Assert.Equal(cores, CoreSlots.Allowed(Heater, new Watts(watts)));

    [Fact]
    public void Assign_WaitingTasks_EarliestDeadlineFirstThenGivenOrder()
    {
        var tasks = new[] { Task("none-a"), Task("late", 5), Task("early", 1), Task("none-b"), Task("mid", 3) };

        Assert.Equal(["early", "mid"], CoreSlots.Assign(tasks, [], 2));
        Assert.Equal(["early", "mid", "late", "none-a"], CoreSlots.Assign(tasks, [], 4));
    }

    [Fact]
    public void Assign_TaskOnACore_KeepsItAgainstAnEarlierDeadline()
    {
        var tasks = new[] { Task("running", 9), Task("urgent", 1) };

        Assert.Equal(["running"], CoreSlots.Assign(tasks, ["running"], 1));
        Assert.Equal(["running", "urgent"], CoreSlots.Assign(tasks, ["running"], 2));
    }

    [Fact]
    public void Assign_CapDrops_LatestDeadlinesLeaveFirst()
    {
        var tasks = new[] { Task("a", 3), Task("b", 1), Task("c", 2) };

        Assert.Equal(["b", "c"], CoreSlots.Assign(tasks, ["a", "b", "c"], 2));
        Assert.Empty(CoreSlots.Assign(tasks, ["a", "b", "c"], 0));
    }

    [Fact]
    public void Assign_WideTasks_FillWhatFits_AndOneTooWideRunsAloneRatherThanWaitForever()
    {
        var tasks = new[] { Task("wide", 1, cores: 4), Task("narrow", 2, cores: 1) };

        Assert.Equal(["narrow"], CoreSlots.Assign(tasks, [], 3));
        Assert.Equal(["wide"], CoreSlots.Assign([tasks[0]], [], 3));
        Assert.Equal(["wide", "narrow"], CoreSlots.Assign(tasks, [], 5));
    }

    [Fact]
    public void Assign_IgnoresHeldIdsThatAreNoLongerTasks() =>
        Assert.Equal(["b"], CoreSlots.Assign([Task("b")], ["gone", "b"], 1));
}
