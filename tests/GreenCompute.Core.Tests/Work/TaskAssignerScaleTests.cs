using System.Collections.Immutable;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;
using GreenCompute.Core.Work.Assignment;
using Xunit.Abstractions;

namespace GreenCompute.Core.Tests.Work;

public class TaskAssignerScaleTests(ITestOutputHelper output)
{
    [Fact]
    public void Assign_TenThousandNodesAndHundredThousandTasks_StaysFast()
    {
        var now = WorkFixtures.T0;
        var horizon = PlanningHorizon.Default(now);
        var random = new Random(1);
        var heat = new Reason(ReasonCode.PlannedHeat, "planned heat");
        var spec = WorkFixtures.Heater(cores: 8);
        var zonePrices = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 96).Select(_ => random.Next(20, 200)).ToArray()).ToArray();
        var nodes = ImmutableArray.CreateBuilder<NodeSnapshot>(10_000);
        for (var n = 0; n < 10_000; n++)
        {
            var prices = zonePrices[n % 4];
            var slots = ImmutableArray.CreateBuilder<PlannedSlot>(96);
            for (var s = 0; s < 96; s++)
            {
                slots.Add(new PlannedSlot(spec.PowerAt(random.NextDouble()), new Celsius(20), new EurPerMwh(prices[s]), heat));
            }

            var plan = new PowerPlan($"n{n}", horizon, slots.MoveToImmutable(), true, null);
            nodes.Add(new NodeSnapshot($"n{n}", spec, plan, true, [], now.AddDays(-1)));
        }

        var queue = ImmutableArray.CreateBuilder<QueuedTask>(100_000);
        for (var t = 0; t < 100_000; t++)
        {
            queue.Add(new QueuedTask($"job{t / 100}/{t % 100}", $"job{t / 100}", new CoreSeconds(random.Next(600, 7200)),
                now.AddHours(random.Next(2, 30)), new EurPerMwh(500), now.AddMinutes(-t)));
        }

        var snapshot = new AssignmentSnapshot(now, horizon, nodes.MoveToImmutable(), queue.MoveToImmutable());

        var result = TaskAssigner.Assign(snapshot);

        // Every task and job gets a decision at full scale; the time this takes is measured in bench/ (planning).
        output.WriteLine($"{result.Tasks.Count(t => t.Action == TaskAction.Start)} starts");
        Assert.Equal(100_000, result.Tasks.Length);
        Assert.Equal(1_000, result.Jobs.Length);
        Assert.True(result.Tasks.Count(t => t.Action == TaskAction.Start) > 1_000);
    }
}
