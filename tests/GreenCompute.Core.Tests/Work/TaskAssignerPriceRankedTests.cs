using GreenCompute.Core.Planning;
using GreenCompute.Core.Work.Assignment;
using static GreenCompute.Core.Tests.Work.WorkFixtures;

namespace GreenCompute.Core.Tests.Work;

/// <summary>
/// The price-ranked baseline (<see cref="AssignerOptions.PlannedHeatIsSunk"/> false), kept for benchmarks: planned
/// cells cheapest slot first, and the hysteresis that then keeps running tasks from following small price changes.
/// </summary>
public class TaskAssignerPriceRankedTests
{
    [Fact]
    public void Assign_TwoPlannedSlotsWithDifferentPrices_FillsTheCheaperFirst()
    {
        var node = Node("A", [1, 1], [80, 20]);
        var first = Queued("j1/0", hours: 1, deadline: At(2));
        var second = Queued("j2/0", hours: 1, deadline: At(2), submitted: At(-0.5));

        var result = TaskAssigner.Assign(Snapshot(At(0), [node], first, second), ByPrice);

        Assert.Equal(TaskAction.Wait, result.Task("j1/0").Action);
        Assert.Equal(ReasonCode.WaitingForCheaperSlot, result.Task("j1/0").Reason.Code);
        Assert.Equal("waiting: cheaper capacity planned at 01:00 (20 EUR/MWh)", result.Task("j1/0").Reason.Text);
        Assert.Equal(At(1), Assert.Single(result.Task("j1/0").Runs).Start);
        Assert.Equal(TaskAction.Start, result.Task("j2/0").Action);
        Assert.Equal("j2/0", Assert.Single(result.NodeOf("A").Start));
    }

    [Fact]
    public void Assign_MuchCheaperSlotLater_PausesRunningTaskAfterCheckpoint()
    {
        var running = Running("j/0", hours: 1, deadline: At(8), toCheckpoint: TimeSpan.FromMinutes(5));
        var node = Node("A", Fill(8, 1), [80, 20], running: [running], changedAt: At(-1));

        var result = TaskAssigner.Assign(Snapshot(At(0), [node]), ByPrice);

        Assert.Equal(TaskAction.PauseAfterCheckpoint, result.Task("j/0").Action);
        Assert.EndsWith("cheaper capacity planned at 01:00", result.Task("j/0").Reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_NodeStartedComputingWithinRunDwell_KeepsTaskDespiteMuchCheaperSlot()
    {
        var running = Running("j/0", hours: 1, deadline: At(8), toCheckpoint: TimeSpan.FromMinutes(5));
        var node = Node("A", Fill(8, 1), [80, 20], running: [running], changedAt: At(-0.25));

        var result = TaskAssigner.Assign(Snapshot(At(0), [node]), ByPrice);

        Assert.Equal(TaskAction.Keep, result.Task("j/0").Action);
    }
}
