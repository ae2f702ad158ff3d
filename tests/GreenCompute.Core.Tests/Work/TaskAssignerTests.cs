using GreenCompute.Core.Planning;
using GreenCompute.Core.Work.Assignment;
using static GreenCompute.Core.Tests.Work.WorkFixtures;

namespace GreenCompute.Core.Tests.Work;

public class TaskAssignerTests
{
    [Fact]
    public void Assign_TwoPlannedSlotsWithDifferentPrices_FillsTheCurrentFirstBecauseItsHeatIsPaidAnyway()
    {
        // One core of heat in each of the first two hours; the second hour is cheaper. Both hours' heat is bought
        // whether tasks run or not, so the current hour's capacity is free work and is lost if left unused.
        var node = Node("A", [1, 1], [80, 20]);
        var first = Queued("j1/0", hours: 1, deadline: At(2));
        var second = Queued("j2/0", hours: 1, deadline: At(2), submitted: At(-0.5));

        var result = TaskAssigner.Assign(Snapshot(At(0), [node], first, second), Options);

        Assert.Equal(TaskAction.Start, result.Task("j1/0").Action);
        Assert.Equal("j1/0", Assert.Single(result.NodeOf("A").Start));
        Assert.Equal(TaskAction.Wait, result.Task("j2/0").Action);
        Assert.Equal(ReasonCode.WorkQueued, result.Task("j2/0").Reason.Code);
        Assert.Equal(
            "waiting: all planned heat now is taken (running work and earlier deadlines first); planned heat for it from 01:00",
            result.Task("j2/0").Reason.Text);
        Assert.Equal(At(1), Assert.Single(result.Task("j2/0").Runs).Start);
    }

    [Fact]
    public void Assign_TwoNodesWithDifferentPrices_StartsOnTheCheaperNode()
    {
        var dear = Node("A", [1], [90]);
        var cheap = Node("B", [1], [30]);

        var result = TaskAssigner.Assign(Snapshot(At(0), [dear, cheap], Queued("j/0", 1, At(1))), Options);

        Assert.Equal("B", result.Task("j/0").NodeId);
        Assert.Empty(result.NodeOf("A").Start);
        Assert.Equal(ReasonCode.NoQueuedWorkHeatOnly, result.NodeOf("A").Reason.Code);
        Assert.Equal("computing on planned heat: 1 task", result.NodeOf("B").Reason.Text);
    }

    [Fact]
    public void Assign_EarliestDeadlineFirst_MeetsEveryDeadlineWhereFifoMissesOne()
    {
        // One core, heat every hour; hours 0-1 cheap. The bulk job came first and would take both cheap hours.
        var node = Node("A", Fill(8, 1), [10, 10, 50, 50, 90, 90, 90, 90]);
        var bulk = Queued("bulk/0", hours: 2, deadline: At(4), submitted: At(-2));
        var urgent = Queued("urgent/0", hours: 1, deadline: At(1), submitted: At(-1));
        var snapshot = Snapshot(At(0), [node], bulk, urgent);

        var edf = TaskAssigner.Assign(snapshot, Options);
        var fifo = TaskAssigner.Assign(snapshot, Options with { Order = TaskOrder.Submission });

        Assert.All(edf.Jobs, j => Assert.False(j.DeadlineAtRisk));
        Assert.All(edf.Jobs, j => Assert.True(j.Completion <= j.Deadline));
        Assert.Equal(At(1), edf.JobOf("urgent").Completion);
        Assert.Equal(At(3), edf.JobOf("bulk").Completion);
        Assert.Equal(TaskAction.Start, edf.Task("urgent/0").Action);
        Assert.True(fifo.JobOf("urgent").DeadlineAtRisk);
        Assert.Equal(ReasonCode.DeadlineAtRisk, fifo.JobOf("urgent").Reason.Code);
        Assert.False(fifo.JobOf("bulk").DeadlineAtRisk);
    }

    [Fact]
    public void Assign_RunningTaskWhoseRoomNoLongerWantsHeat_PausesOnlyAfterItsCheckpoint()
    {
        var running = Running("j/0", hours: 2, deadline: At(8), toCheckpoint: TimeSpan.FromMinutes(10));
        var losing = Node("A", [0, 1, 1], [50, 50, 50], running: [running]);
        var elsewhere = Node("B", [1], [10]);

        var result = TaskAssigner.Assign(Snapshot(At(0), [losing, elsewhere]), Options);

        var decision = result.Task("j/0");
        Assert.Equal(TaskAction.PauseAfterCheckpoint, decision.Action);
        Assert.Equal("A", decision.NodeId);
        Assert.Equal(ReasonCode.WaitingForCheckpoint, decision.Reason.Code);
        Assert.StartsWith("keeps running until its checkpoint in 10 min, then pauses", decision.Reason.Text, StringComparison.Ordinal);
        Assert.Equal("j/0", Assert.Single(result.NodeOf("A").PauseAfterCheckpoint));
        Assert.Empty(result.NodeOf("A").Cancel);
        Assert.Empty(result.NodeOf("B").Start);
        // Its core stays powered until the checkpoint although the plan says idle (40 W).
        Assert.Equal(100, result.NodeOf("A").PowerCap.Value, 6);
        Assert.Equal(ReasonCode.WaitingForCheckpoint, result.NodeOf("A").Reason.Code);
    }

    [Fact]
    public void Assign_RunningTaskWithHeat_KeepsRunningAndIsNotPreemptedByUrgentQueuedWork()
    {
        var running = Running("late/0", hours: 1, deadline: At(8), toCheckpoint: TimeSpan.FromMinutes(5));
        var node = Node("A", [1], [50], running: [running]);

        var result = TaskAssigner.Assign(Snapshot(At(0), [node], Queued("urgent/0", 1, At(1))), Options);

        Assert.Equal(TaskAction.Keep, result.Task("late/0").Action);
        Assert.Equal(TaskAction.Wait, result.Task("urgent/0").Action);
        Assert.Empty(result.NodeOf("A").PauseAfterCheckpoint);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Assign_SmallPriceChangesOverRounds_DoNotMoveARunningTask(int round)
    {
        // Each round the next hour is a few EUR/MWh cheaper or dearer than now, always within the 10 EUR/MWh margin.
        double[] wiggle = [-6, 4, -9, 2];
        var now = At(round);
        var prices = Fill(8, 50);
        prices[round + 1] = 50 + wiggle[round];
        var running = Running("j/0", hours: 1, deadline: At(8), toCheckpoint: TimeSpan.FromMinutes(5));
        var node = Node("A", Fill(8, 1), prices, running: [running], changedAt: At(-1));
        var asQueued = Snapshot(now, [Node("A", Fill(8, 1), prices)], Queued("j/0", 1, At(8)));

        var kept = TaskAssigner.Assign(Snapshot(now, [node]), Options);
        var keptByPrice = TaskAssigner.Assign(Snapshot(now, [node]), ByPrice);

        Assert.Equal(TaskAction.Keep, kept.Task("j/0").Action);
        Assert.Empty(kept.NodeOf("A").PauseAfterCheckpoint);
        Assert.Equal(TaskAction.Keep, keptByPrice.Task("j/0").Action);
        // Planned heat is sunk: the same task, not yet running, starts now whatever the next hour costs.
        Assert.Equal(TaskAction.Start, TaskAssigner.Assign(asQueued, Options).Task("j/0").Action);
        // Ranked by price it would follow the small difference: there the hysteresis is what holds a running task.
        var expected = wiggle[round] < 0 ? TaskAction.Wait : TaskAction.Start;
        Assert.Equal(expected, TaskAssigner.Assign(asQueued, ByPrice).Task("j/0").Action);
    }

    [Fact]
    public void Assign_MuchCheaperPlannedSlotLater_KeepsRunningTaskBecauseItsHeatNowIsPaidAnyway()
    {
        var running = Running("j/0", hours: 1, deadline: At(8), toCheckpoint: TimeSpan.FromMinutes(5));
        var node = Node("A", Fill(8, 1), [80, 20], running: [running], changedAt: At(-1));

        var result = TaskAssigner.Assign(Snapshot(At(0), [node]), Options);

        Assert.Equal(TaskAction.Keep, result.Task("j/0").Action);
        Assert.Empty(result.NodeOf("A").PauseAfterCheckpoint);
        Assert.Equal("computing on planned heat: 1 task", result.NodeOf("A").Reason.Text);
    }

    [Fact]
    public void Assign_NodeStoppedWithinIdleDwell_GetsNoNewWorkAndSaysSo()
    {
        var resting = Node("A", [1], [10], changedAt: At(-0.1));

        var result = TaskAssigner.Assign(Snapshot(At(0), [resting], Queued("j/0", 1, At(8))), Options);

        Assert.Equal(TaskAction.Wait, result.Task("j/0").Action);
        Assert.Equal(ReasonCode.HysteresisHold, result.NodeOf("A").Reason.Code);
        Assert.Equal("heat-only: no new work until 00:09 so the heater does not flap", result.NodeOf("A").Reason.Text);
    }

    [Fact]
    public void Assign_SummerWithoutHeatDemand_TasksWaitAndSayWhy()
    {
        var nodes = new[] { Node("A", [], []), Node("B", [], []) };

        var result = TaskAssigner.Assign(Snapshot(At(0), nodes, Queued("j/0", 1, At(30))), Options);

        var decision = result.Task("j/0");
        Assert.Equal(TaskAction.Wait, decision.Action);
        Assert.Equal(ReasonCode.NoHeatDemandWorkWaits, decision.Reason.Code);
        Assert.Equal("waiting: no room wants heat in the next 8 h; the deadline 2026-01-06 06:00 leaves time after that", decision.Reason.Text);
        Assert.Null(result.JobOf("j").Completion);
        Assert.All(result.Nodes, n => Assert.Equal(ReasonCode.SetpointReached, n.Reason.Code));
        Assert.All(result.Nodes, n => Assert.Equal(40, n.PowerCap.Value, 6));
    }

    [Fact]
    public void Assign_SummerWithHeatLater_WaitsForTheHeat()
    {
        var node = Node("A", [0, 0, 0, 1], Fill(8, 50));

        var result = TaskAssigner.Assign(Snapshot(At(0), [node], Queued("j/0", 1, At(8))), Options);

        Assert.Equal("waiting: no room wants heat now; capacity expected at 03:00", result.Task("j/0").Reason.Text);
        Assert.Equal(At(4), result.JobOf("j").Completion);
    }

    [Fact]
    public void Assign_SummerBeforeLatestStart_WaitsUntilTheDeadlineForcesIt()
    {
        var nodes = new[] { Node("A", [], []), Node("B", [], []) };

        var result = TaskAssigner.Assign(Snapshot(At(0), nodes, Queued("j/0", 1, At(6))), Options);

        var decision = result.Task("j/0");
        Assert.Equal(TaskAction.Wait, decision.Action);
        Assert.Equal("waiting: not enough heat before the deadline 06:00; will run without heat demand from 05:00", decision.Reason.Text);
        Assert.Equal(At(6), result.JobOf("j").Completion);
        Assert.False(result.JobOf("j").DeadlineAtRisk);
    }

    [Fact]
    public void Assign_SummerAtLatestStart_DeadlineForcesRunAndRaisesPowerCap()
    {
        var nodes = new[] { Node("A", [], []), Node("B", [], []) };

        var result = TaskAssigner.Assign(Snapshot(At(5), nodes, Queued("j/0", 1, At(6))), Options);

        var decision = result.Task("j/0");
        Assert.Equal(TaskAction.Start, decision.Action);
        Assert.Equal(ReasonCode.DeadlineForcesRun, decision.Reason.Code);
        Assert.Equal("deadline of job j at 06:00 forces run without heat demand", decision.Reason.Text);
        var node = result.NodeOf(decision.NodeId!);
        Assert.Equal("deadline of job j forces run without heat demand", node.Reason.Text);
        Assert.Equal(100, node.PowerCap.Value, 6);
        Assert.True(Assert.Single(decision.Runs).Forced);
    }

    [Fact]
    public void Assign_ForcedTaskRunningInNextRound_KeepsRunning()
    {
        var running = Running("j/0", hours: 0.75, deadline: At(6), toCheckpoint: TimeSpan.FromMinutes(5));
        var nodes = new[] { Node("A", [], [], running: [running]) };

        var result = TaskAssigner.Assign(Snapshot(At(5.25), nodes), Options);

        Assert.Equal(TaskAction.Keep, result.Task("j/0").Action);
        Assert.Equal(ReasonCode.DeadlineForcesRun, result.Task("j/0").Reason.Code);
    }

    [Fact]
    public void Assign_RetryAfterNodeLoss_PrefersAnotherNode()
    {
        var nodes = new[] { Node("A", [1], [40]), Node("B", [1], [40]) };

        var fresh = TaskAssigner.Assign(Snapshot(At(0), nodes, Queued("j/0", 1, At(4))), Options);
        var retry = TaskAssigner.Assign(Snapshot(At(0), nodes, Queued("j/0", 1, At(4), avoid: "A")), Options);

        Assert.Equal("A", fresh.Task("j/0").NodeId);
        Assert.Equal("B", retry.Task("j/0").NodeId);
    }

    [Fact]
    public void Assign_OfflineNodeWithRunningTask_ReportsItLostAndGivesNoCapacity()
    {
        var running = Running("j/0", hours: 1, deadline: At(8), toCheckpoint: TimeSpan.FromMinutes(5));
        var offline = Node("A", Fill(8, 1), Fill(8, 10), online: false, running: [running]);

        var result = TaskAssigner.Assign(Snapshot(At(0), [offline], Queued("k/0", 1, At(8))), Options);

        Assert.Equal(TaskAction.Lost, result.Task("j/0").Action);
        Assert.Equal(ReasonCode.Offline, result.NodeOf("A").Reason.Code);
        Assert.Equal(0, result.NodeOf("A").PowerCap.Value);
        Assert.Equal(TaskAction.Wait, result.Task("k/0").Action);
    }

    [Fact]
    public void Assign_PriceAboveJobCap_TaskWaitsWithReason()
    {
        var node = Node("A", Fill(8, 1), Fill(8, 120));

        var result = TaskAssigner.Assign(Snapshot(At(0), [node], Queued("j/0", 1, At(30), maxPrice: 100)), Options);

        Assert.Equal(ReasonCode.PriceAboveJobCap, result.Task("j/0").Reason.Code);
        Assert.Empty(result.Task("j/0").Runs);
    }

    [Fact]
    public void Assign_CancelRequested_CancelsOnItsNode()
    {
        var running = Running("j/0", 1, At(8), TimeSpan.FromMinutes(5)) with { CancelRequested = true };
        var node = Node("A", [1], [10], running: [running]);

        var result = TaskAssigner.Assign(Snapshot(At(0), [node]), Options);

        Assert.Equal("j/0", Assert.Single(result.NodeOf("A").Cancel));
        Assert.Equal(TaskAction.Cancel, result.Task("j/0").Action);
    }
}
