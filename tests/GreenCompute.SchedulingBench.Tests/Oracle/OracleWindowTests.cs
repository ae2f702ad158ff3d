using GreenCompute.SchedulingBench.Oracle;
using GreenCompute.Simulation.Fleet;

namespace GreenCompute.SchedulingBench.Tests.Oracle;

public class OracleWindowTests
{
    private const double MaxKw = 1.0;
    private const int Cores = 16;

    [Fact]
    public void Solve_EqualsTheMonolithicLp()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 12; trial++)
        {
            var hours = random.Next(3, 7);
            var (rooms, prices) = Rooms(random, random.Next(2, 4), hours);
            var groups = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Group(random, hours)).ToList();

            var solution = OracleWindow.Solve(rooms, groups, 1.0);
            var monolithic = Monolithic(rooms, groups, 1.0, hours).ToSimplex();

            Assert.Equal(SimplexStatus.Optimal, monolithic.Solve());
            Assert.Equal(monolithic.Objective, solution.Objective, 6);
            Assert.True(solution.LowerBound <= solution.Objective + 1e-9);
            Assert.All(solution.PowerKw.SelectMany(p => p), p => Assert.InRange(p, -1e-9, MaxKw + 1e-9));
            Assert.NotEmpty(prices);
        }
    }

    [Fact]
    public void Solve_TinyInstance_MatchesBruteForceOverPowers()
    {
        var random = new Random(5);
        for (var trial = 0; trial < 4; trial++)
        {
            var (rooms, prices) = Rooms(random, 2, 2);
            var caps = new[] { random.NextDouble() * 12, random.NextDouble() * 12 };
            var group = new JobGroup(random.NextDouble() * 20, caps, null);

            var lp = OracleWindow.Solve(rooms, [group], 1.0).Objective;
            var brute = BruteForce.Minimum(p => Cost(rooms, prices, group, p), dimensions: 4, MaxKw);

            Assert.True(lp <= brute + 1e-9, $"LP {lp} above a feasible point's cost {brute}");
            Assert.True(brute - lp <= 1e-4 * Math.Max(1, Math.Abs(lp)), $"LP {lp} vs brute force {brute}");
        }
    }

    /// <summary>The window's cost at powers p (room-major), slack and job routing chosen optimally for them.</summary>
    private static double Cost(RoomLp[] rooms, double[] prices, JobGroup group, double[] p)
    {
        var total = 0.0;
        var capacity = new double[2];
        for (var r = 0; r < rooms.Length; r++)
        {
            var model = rooms[r].Model;
            var power = new[] { p[2 * r], p[(2 * r) + 1] };
            total += ((prices[0] * power[0]) + (prices[1] * power[1])) / 1000;
            capacity[0] += power[0] * Cores / MaxKw;
            capacity[1] += power[1] * Cores / MaxKw;
            for (var row = 0; row < model.Rhs.Count; row++)
            {
                var lhs = Enumerable.Range(0, 2).Sum(t => model.Columns[t].Entries.Where(e => e.Row == row).Sum(e => e.Value) * power[t]);
                var shortfall = model.Kinds[row] == RowKind.GreaterOrEqual ? model.Rhs[row] - lhs : lhs - model.Rhs[row];
                total += Math.Max(0, shortfall) * model.Columns[2].Cost;
            }
        }

        var left = group.Work;
        for (var t = 0; t < 2; t++)
        {
            var x = Math.Min(left, Math.Min(group.RateCap[t], capacity[t]));
            total += x * 1e-6 * t;
            left -= x;
        }

        return total + left;
    }

    private static (RoomLp[] Rooms, double[] Prices) Rooms(Random random, int count, int hours)
    {
        var inputs = BenchFixture.Inputs(rooms: count, TimeSpan.FromDays(3));
        var nodes = new SimulatedFleet(inputs.Fleet, inputs.Weather, inputs.Start).Nodes;
        var start = inputs.Start.AddHours(random.Next(0, 48));
        var prices = Enumerable.Range(0, hours).Select(_ => Math.Round((random.NextDouble() * 100) - 15, 1)).ToArray();
        var bands = Enumerable.Range(0, hours).Select(t =>
        {
            var first = inputs.Comfort.BandAt(start.AddHours(t) + inputs.Step);
            var last = inputs.Comfort.BandAt(start.AddHours(t + 1));
            return (first.Min.Value, first.Max.Value, last.Min.Value, last.Max.Value);
        }).ToArray();
        var rooms = nodes.Select(node =>
        {
            var replica = new RoomReplica(node, inputs.Weather, inputs.LocalOffset, true, 18.5 + (3 * random.NextDouble()));
            var maps = Enumerable.Range(0, hours).Select(t => HourMap.Compose(replica, start.AddHours(t), TimeSpan.FromMinutes(5), 12)).ToArray();
            return new RoomLp(maps, replica.Mass, bands, prices, MaxKw, Cores, 1.0);
        }).ToArray();
        return (rooms, prices);
    }

    private static JobGroup Group(Random random, int hours)
    {
        var release = random.Next(0, hours);
        var caps = Enumerable.Range(0, hours).Select(t => t >= release && t < release + 2 ? random.NextDouble() * 10 : 0).ToArray();
        return new JobGroup(random.NextDouble() * 15, caps, random.Next(3) == 0 ? 0.01 : null);
    }

    /// <summary>All rooms' LPs side by side plus the job routing, in one LP (no decomposition).</summary>
    private static LpModel Monolithic(RoomLp[] rooms, List<JobGroup> groups, double unservedPenalty, int hours)
    {
        var kinds = new List<RowKind>();
        var rhs = new List<double>();
        var columns = new List<LpColumn>();
        foreach (var room in rooms)
        {
            var offset = kinds.Count;
            kinds.AddRange(room.Model.Kinds);
            rhs.AddRange(room.Model.Rhs);
            columns.AddRange(room.Model.Columns.Select(c => c with { Entries = [.. c.Entries.Select(e => (e.Row + offset, e.Value))] }));
        }

        var capRow = kinds.Count;
        kinds.AddRange(Enumerable.Repeat(RowKind.LessOrEqual, hours));
        rhs.AddRange(Enumerable.Repeat(0.0, hours));
        var jobRow = kinds.Count;
        kinds.AddRange(groups.Select(_ => RowKind.Equal));
        rhs.AddRange(groups.Select(g => g.Work));

        // Each room's first `hours` columns are its powers: they supply cores to the hour's capacity row.
        var perRoom = rooms[0].Model.Columns.Count;
        for (var r = 0; r < rooms.Length; r++)
        {
            for (var t = 0; t < hours; t++)
            {
                var index = (r * perRoom) + t;
                columns[index] = columns[index] with { Entries = [.. columns[index].Entries, (capRow + t, -rooms[r].CoresPerKw)] };
            }
        }

        for (var w = 0; w < groups.Count; w++)
        {
            for (var t = 0; t < hours; t++)
            {
                if (groups[w].RateCap[t] > 1e-12)
                {
                    columns.Add(new LpColumn(1e-6 * t, groups[w].RateCap[t], [(capRow + t, 1.0), (jobRow + w, 1.0)]));
                }
            }

            columns.Add(new LpColumn(unservedPenalty, double.PositiveInfinity, [(jobRow + w, 1.0)]));
            if (groups[w].DeferCost is { } defer)
            {
                columns.Add(new LpColumn(defer, double.PositiveInfinity, [(jobRow + w, 1.0)]));
            }
        }

        return new LpModel(kinds, rhs, columns);
    }
}
