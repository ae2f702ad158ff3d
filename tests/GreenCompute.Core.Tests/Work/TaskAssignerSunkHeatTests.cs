using GreenCompute.Core.Planning;
using GreenCompute.Core.Work.Assignment;
using static GreenCompute.Core.Tests.Work.WorkFixtures;

namespace GreenCompute.Core.Tests.Work;

/// <summary>
/// Planned heat is sunk cost (the default policy): planned capacity is filled earliest slot first, work above the
/// plan still costs the real price, and price caps still hold.
/// </summary>
public class TaskAssignerSunkHeatTests
{
    [Fact]
    public void Assign_CurrentPlannedCapacity_IsFilledBeforeLaterCheaperPlannedCapacity()
    {
        // A has heat every hour at 90 EUR/MWh; B only 02:00-05:00, at 10. Three one-hour tasks, deadlines far away.
        var dear = Node("A", Fill(8, 1), Fill(8, 90));
        var cheapLater = Node("B", [0, 0, 1, 1, 1], Fill(8, 10));
        var snapshot = Snapshot(At(0), [dear, cheapLater], Queued("t1/0", 1, At(8)), Queued("t2/0", 1, At(8)), Queued("t3/0", 1, At(8)));

        var sunk = TaskAssigner.Assign(snapshot, Options);
        var byPrice = TaskAssigner.Assign(snapshot, ByPrice);

        Assert.Equal(TaskAction.Start, sunk.Task("t1/0").Action);
        Assert.Equal("A", sunk.Task("t1/0").NodeId);
        Assert.Equal("computing on planned heat: 1 task", sunk.NodeOf("A").Reason.Text);
        // Then the earliest free planned heat: A at 01:00, and at 02:00 the cheapest node of that hour, B.
        Assert.Equal(("A", At(1)), (Assert.Single(sunk.Task("t2/0").Runs).NodeId, sunk.Task("t2/0").Runs[0].Start));
        Assert.Equal(("B", At(2)), (Assert.Single(sunk.Task("t3/0").Runs).NodeId, sunk.Task("t3/0").Runs[0].Start));
        // Ranked by price, all three wait for B's cheap hours while A's heat now runs heat-only.
        Assert.All(byPrice.Tasks, t => Assert.Equal(TaskAction.Wait, t.Action));
        Assert.Equal("heat-only: queued work is placed on cheaper capacity", byPrice.NodeOf("A").Reason.Text);
    }

    [Fact]
    public void Assign_PlannedSlotAboveJobCap_IsSkippedForTheFirstSlotWithinTheCap()
    {
        var node = Node("A", Fill(8, 1), [120, 120, 60, 60, 60, 60, 60, 60]);

        var result = TaskAssigner.Assign(Snapshot(At(0), [node], Queued("j/0", 1, At(8), maxPrice: 100)), Options);

        var decision = result.Task("j/0");
        Assert.Equal(TaskAction.Wait, decision.Action);
        Assert.Equal(ReasonCode.PriceAboveJobCap, decision.Reason.Code);
        Assert.Equal(
            "waiting: planned heat now costs more than the job's cap of 100 EUR/MWh; planned heat within it from 02:00", decision.Reason.Text);
        Assert.Equal(At(2), Assert.Single(decision.Runs).Start);
        Assert.Equal("heat-only: its price now (120 EUR/MWh) is above the cap of every waiting job", result.NodeOf("A").Reason.Text);
    }

    [Fact]
    public void Assign_RetryWhoseOnlyOtherNodeIsAboveTheCap_StaysOnTheNodeThatFailed()
    {
        var nodes = new[] { Node("A", [1], [40]), Node("B", [1], [150]) };

        var result = TaskAssigner.Assign(Snapshot(At(0), nodes, Queued("j/0", 1, At(4), maxPrice: 100, avoid: "A")), Options);

        Assert.Equal("A", result.Task("j/0").NodeId);
        Assert.Equal(TaskAction.Start, result.Task("j/0").Action);
    }

    [Fact]
    public void Assign_ForcedCapacity_RunsAsLateAsPossibleOnTheCheapestNodeBeforeTheDeadline()
    {
        // No heat anywhere: two hours of work must run above the plan before 06:00. Above the plan work costs the real
        // price, so it takes the cheapest node (B, 30 EUR/MWh) and as late as it can, in case heat turns up.
        var nodes = new[] { Node("A", [], Fill(8, 80)), Node("B", [], Fill(8, 30)), Node("C", [], Fill(8, 130)) };
        var task = Queued("j/0", 2, At(6), maxPrice: 100);

        var early = TaskAssigner.Assign(Snapshot(At(0), nodes, task), Options);
        var due = TaskAssigner.Assign(Snapshot(At(4), nodes, task), Options);

        Assert.Equal(TaskAction.Wait, early.Task("j/0").Action);
        Assert.Equal("waiting: not enough heat before the deadline 06:00; will run without heat demand from 04:00", early.Task("j/0").Reason.Text);
        Assert.All(early.Task("j/0").Runs, r => Assert.True(r.Forced && r.NodeId == "B"));
        Assert.Equal([At(4), At(5)], early.Task("j/0").Runs.Select(r => r.Start).Order());
        Assert.Equal(TaskAction.Start, due.Task("j/0").Action);
        Assert.Equal("B", due.Task("j/0").NodeId);
        Assert.Equal(ReasonCode.DeadlineForcesRun, due.Task("j/0").Reason.Code);
    }

    [Fact]
    public void Assign_PlannedHeatBeforeTheDeadlineAllTaken_WaitsToRunWithoutHeatDemandAndSaysWhy()
    {
        // A's one core of heat until 06:00 is all taken by the first job; the second must run above the plan on B.
        var nodes = new[] { Node("A", Fill(6, 1), Fill(8, 50)), Node("B", [], Fill(8, 50)) };

        var result = TaskAssigner.Assign(Snapshot(At(0), nodes, Queued("first/0", 6, At(6)), Queued("second/0", 1, At(6))), Options);

        Assert.Equal(TaskAction.Start, result.Task("first/0").Action);
        var second = result.Task("second/0");
        Assert.Equal(TaskAction.Wait, second.Action);
        Assert.Equal(ReasonCode.NoHeatDemandWorkWaits, second.Reason.Code);
        Assert.Equal("waiting: all planned heat before the deadline 06:00 is taken; will run without heat demand from 05:00", second.Reason.Text);
        Assert.True(Assert.Single(second.Runs).Forced);
    }

    [Fact]
    public void Assign_TaskPastItsDeadline_StillRunsOnFreePlannedHeat()
    {
        var node = Node("A", Fill(8, 1), Fill(8, 50));

        var result = TaskAssigner.Assign(Snapshot(At(2), [node], Queued("j/0", 1, At(1.5))), Options);

        Assert.Equal(TaskAction.Start, result.Task("j/0").Action);
        Assert.Equal("deadline of job j at 01:30 has passed: running late on planned heat", result.Task("j/0").Reason.Text);
        Assert.False(Assert.Single(result.Task("j/0").Runs).Forced);
        Assert.True(result.JobOf("j").DeadlineAtRisk);
        Assert.Equal("the deadline 01:30 has passed with 1 core-h still to run", result.JobOf("j").Reason.Text);
    }

    [Fact]
    public void Assign_RunningTaskInsideTheSafetyMargin_RunsOnToTheDeadline()
    {
        // Ten minutes of work, twelve minutes to the deadline: inside the 15 min safety margin, the deadline is the aim.
        var options = Options with { DeadlineSafetyMargin = TimeSpan.FromMinutes(15) };
        var running = Running("j/0", hours: 10 / 60.0, deadline: At(1.2), toCheckpoint: TimeSpan.FromMinutes(5));
        var summer = new[] { Node("A", [], [], running: [running]) };
        var winter = new[] { Node("A", Fill(8, 1), Fill(8, 50), running: [running]) };

        var forced = TaskAssigner.Assign(Snapshot(At(1), summer), options);
        var planned = TaskAssigner.Assign(Snapshot(At(1), winter), options);

        Assert.Equal(TaskAction.Keep, forced.Task("j/0").Action);
        Assert.Equal(ReasonCode.DeadlineForcesRun, forced.Task("j/0").Reason.Code);
        Assert.False(forced.JobOf("j").DeadlineAtRisk);
        Assert.Equal(TaskAction.Keep, planned.Task("j/0").Action);
        Assert.Equal(ReasonCode.Computing, planned.Task("j/0").Reason.Code);
    }

    [Fact]
    public void Assign_RoundsWithPricesSwingingBetweenNodes_NeitherMoveTasksNorFlapHeaters()
    {
        // Three one-core heaters with one core of heat every hour, two three-hour tasks, a round every quarter hour
        // for two hours. Each round the prices are drawn afresh, so the nodes keep swapping places as the cheapest
        // and later hours are often far cheaper than now.
        string[] ids = ["A", "B", "C"];
        var random = new Random(5);
        var running = new Dictionary<string, (string Node, double Hours)>();
        var changedAt = ids.ToDictionary(id => id, _ => At(-1));
        var queue = new List<string> { "t1/0", "t2/0" };
        var byPricePauses = 0;
        for (var round = 0; round < 8; round++)
        {
            var now = At(round * 0.25);
            var nodes = ids.Select(id => Node(id, Fill(8, 1), [.. Enumerable.Range(0, 8).Select(_ => (double)random.Next(10, 200))],
                running: [.. running.Where(r => r.Value.Node == id).Select(r => Running(r.Key, r.Value.Hours, At(8), TimeSpan.FromMinutes(5)))],
                changedAt: changedAt[id])).ToArray();
            var snapshot = Snapshot(now, nodes, [.. queue.Select(t => Queued(t, 3, At(8)))]);

            var result = TaskAssigner.Assign(snapshot, Options);
            byPricePauses += TaskAssigner.Assign(snapshot, ByPrice).Tasks.Count(t => t.Action == TaskAction.PauseAfterCheckpoint);

            foreach (var task in result.Tasks)
            {
                Assert.True(task.Action == (round == 0 ? TaskAction.Start : TaskAction.Keep), $"round {round}: {task.TaskId} {task.Action}");
                Assert.True(round == 0 || running[task.TaskId].Node == task.NodeId, $"round {round}: {task.TaskId} moved to {task.NodeId}");
                running[task.TaskId] = (task.NodeId!, 3 - ((round + 1) * 0.25));
                queue.Remove(task.TaskId);
            }

            foreach (var node in result.Nodes)
            {
                var computing = node.Start.Length + node.Keep.Length > 0;
                var was = nodes.Single(n => n.NodeId == node.NodeId).Running.Length > 0;
                Assert.True(round == 0 || computing == was, $"round {round}: node {node.NodeId} switched");
                changedAt[node.NodeId] = computing == was ? changedAt[node.NodeId] : now;
            }
        }

        // The same snapshots ranked by price do move work: the test would catch flapping if there were any.
        Assert.True(byPricePauses > 0);
    }
}
