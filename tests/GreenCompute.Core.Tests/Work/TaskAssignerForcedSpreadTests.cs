using GreenCompute.Core.Units;
using GreenCompute.Core.Work.Assignment;
using static GreenCompute.Core.Tests.Work.WorkFixtures;

namespace GreenCompute.Core.Tests.Work;

/// <summary>
/// Work above the plan (forced by deadlines) heats rooms that did not ask for it, so at equal prices it is spread:
/// coolest predicted room first, each forced core counting as <see cref="ForcedCapacity.KelvinPerForcedCore"/>.
/// </summary>
public class TaskAssignerForcedSpreadTests
{
    [Fact]
    public void Assign_ForcedWorkAtOnePrice_GoesToTheCoolestRoomsNotTheFirstNode()
    {
        // No planned heat anywhere; six one-hour tasks due at 01:00 must all start now above the plan.
        var nodes = new[] { Warm("warm", 22.5), Warm("cool", 20.0), Warm("mid", 21.0) };
        var queue = Enumerable.Range(0, 6).Select(i => Queued($"j/{i}", 1, At(1))).ToArray();

        var result = TaskAssigner.Assign(Snapshot(At(0), nodes, queue), Options);

        Assert.All(result.Tasks, t => Assert.Equal(TaskAction.Start, t.Action));
        var perNode = result.Tasks.GroupBy(t => t.NodeId!).ToDictionary(g => g.Key, g => g.Count());
        // cool takes cores at 20.0, 20.25, 20.5, 20.75 (then it is full); mid at 21.0 and 21.25; warm none.
        Assert.Equal(4, perNode["cool"]);
        Assert.Equal(2, perNode["mid"]);
        Assert.False(perNode.ContainsKey("warm"));
    }

    [Fact]
    public void Assign_ForcedWorkOnEqualRooms_AlternatesBetweenThem()
    {
        var nodes = new[] { Warm("a", 21), Warm("b", 21) };
        var queue = Enumerable.Range(0, 4).Select(i => Queued($"j/{i}", 1, At(1))).ToArray();

        var result = TaskAssigner.Assign(Snapshot(At(0), nodes, queue), Options);

        Assert.Equal(["a", "b", "a", "b"], queue.Select(q => result.Task(q.TaskId).NodeId!).ToArray());
        Assert.Equal(2, result.NodeOf("a").Start.Length);
        Assert.Equal(2, result.NodeOf("b").Start.Length);
    }

    [Fact]
    public void Assign_ForcedWork_StillPrefersTheCheaperPriceOverACoolerRoom()
    {
        var nodes = new[] { Warm("cool-dear", 18, price: 90), Warm("warm-cheap", 23, price: 40) };
        var queue = Enumerable.Range(0, 3).Select(i => Queued($"j/{i}", 1, At(1))).ToArray();

        var result = TaskAssigner.Assign(Snapshot(At(0), nodes, queue), Options);

        Assert.All(result.Tasks, t => Assert.Equal("warm-cheap", t.NodeId));
    }

    [Fact]
    public void Assign_ShortForcedTaskNow_RaisesThePowerCapByAWholeCore()
    {
        // A six-minute task due at 01:00 with no heat anywhere runs now, above the plan. Averaged over the hour it
        // is a tenth of a core, but while it runs it needs a whole one: a cap of idle + 6 W would leave it waiting.
        var node = Node("A", [], Fill(8, 50), cores: 4);

        var result = TaskAssigner.Assign(Snapshot(At(0), [node], Queued("j/0", 0.1, At(1))), Options);

        Assert.Equal(TaskAction.Start, result.Task("j/0").Action);
        Assert.Equal(new Watts(40 + 60), result.NodeOf("A").PowerCap);
    }

    /// <summary>A 4-core node with no planned heat whose plan predicts the room at <paramref name="celsius"/>.</summary>
    private static Core.Work.Assignment.NodeSnapshot Warm(string id, double celsius, double price = 50)
    {
        var node = Node(id, [], Fill(8, price), cores: 4);
        var slots = node.Plan.Slots.Select(s => s with { PredictedTemperature = new Celsius(celsius) });
        return node with { Plan = node.Plan with { Slots = [.. slots] } };
    }
}
