using GreenCompute.SchedulingBench.Oracle;

namespace GreenCompute.SchedulingBench.Tests.Oracle;

public class DenseSimplexTests
{
    [Fact]
    public void Solve_RandomSmallLps_MatchesVertexEnumeration()
    {
        var random = new Random(7);
        var checkedFeasible = 0;
        for (var trial = 0; trial < 400; trial++)
        {
            var n = random.Next(1, 5);
            var m = random.Next(1, 5);
            var cost = Draw(random, n, -3, 3);
            var rows = Enumerable.Range(0, m).Select(_ => Draw(random, n, -2, 3)).ToArray();
            var kinds = Enumerable.Range(0, m).Select(_ => (RowKind)random.Next(3)).ToArray();
            var rhs = Draw(random, m, -2, 4);
            var upper = Draw(random, n, 0.5, 3);

            var expected = VertexEnumeration.Minimum(cost, rows, kinds, rhs, upper);
            var simplex = Build(cost, rows, kinds, rhs, upper);
            var status = simplex.Solve();
            if (expected is null)
            {
                Assert.Equal(SimplexStatus.Infeasible, status);
                continue;
            }

            Assert.Equal(SimplexStatus.Optimal, status);
            Assert.Equal(expected.Value, simplex.Objective, 6);
            checkedFeasible++;
        }

        Assert.True(checkedFeasible > 100, $"only {checkedFeasible} feasible instances");
    }

    [Fact]
    public void Dual_OfBindingRow_IsTheObjectiveSlope()
    {
        // min 2x + 3y s.t. x + y ≥ 4, x ≤ 3 (as a row), y ≤ 10: x = 3, y = 1, cost 9; one more unit of demand costs 3.
        var simplex = new DenseSimplex([RowKind.GreaterOrEqual, RowKind.LessOrEqual], [4, 3]);
        simplex.AddColumn(2, double.PositiveInfinity, [(0, 1), (1, 1)]);
        simplex.AddColumn(3, 10, [(0, 1)]);
        Assert.Equal(SimplexStatus.Optimal, simplex.Solve());
        Assert.Equal(9, simplex.Objective, 9);
        Assert.Equal(3, simplex.Dual(0), 9);
        Assert.Equal(-1, simplex.Dual(1), 9);
    }

    [Fact]
    public void AddColumn_AfterSolve_ReachesTheSameOptimumAsSolvingAtOnce()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 100; trial++)
        {
            var n = random.Next(2, 7);
            var m = random.Next(1, 5);
            var cost = Draw(random, n, -3, 3);
            var rows = Enumerable.Range(0, m).Select(_ => Draw(random, n, -2, 3)).ToArray();
            var kinds = Enumerable.Range(0, m).Select(_ => (RowKind)random.Next(3)).ToArray();
            var rhs = Draw(random, m, -2, 4);
            var upper = Draw(random, n, 0.5, 3);
            var staged = Build(cost, rows, kinds, rhs, upper);
            if (staged.Solve() != SimplexStatus.Optimal)
            {
                continue;
            }

            // One more column after the solve: re-optimised from the old basis, it must match a fresh solve.
            var extra = Draw(random, m, -2, 3);
            staged.AddColumn(-1, 2, extra.Select((v, i) => (i, v)));
            var fresh = Build([.. cost, -1], [.. rows.Select((r, i) => r.Append(extra[i]).ToArray())], kinds, rhs, [.. upper, 2]);
            Assert.Equal(SimplexStatus.Optimal, fresh.Solve());
            Assert.Equal(SimplexStatus.Optimal, staged.Solve());
            Assert.Equal(fresh.Objective, staged.Objective, 6);
        }
    }

    [Fact]
    public void SetCost_Resolve_MatchesAFreshSolve()
    {
        var random = new Random(5);
        for (var trial = 0; trial < 100; trial++)
        {
            var n = random.Next(2, 6);
            var m = random.Next(1, 5);
            var rows = Enumerable.Range(0, m).Select(_ => Draw(random, n, -2, 3)).ToArray();
            var kinds = Enumerable.Range(0, m).Select(_ => (RowKind)random.Next(3)).ToArray();
            var rhs = Draw(random, m, -2, 4);
            var upper = Draw(random, n, 0.5, 3);
            var warm = Build(Draw(random, n, -3, 3), rows, kinds, rhs, upper);
            if (warm.Solve() != SimplexStatus.Optimal)
            {
                continue;
            }

            var cost = Draw(random, n, -3, 3);
            for (var j = 0; j < n; j++)
            {
                warm.SetCost(j, cost[j]);
            }

            var fresh = Build(cost, rows, kinds, rhs, upper);
            Assert.Equal(SimplexStatus.Optimal, warm.Solve());
            Assert.Equal(SimplexStatus.Optimal, fresh.Solve());
            Assert.Equal(fresh.Objective, warm.Objective, 6);
        }
    }

    internal static DenseSimplex Build(double[] cost, double[][] rows, RowKind[] kinds, double[] rhs, double[] upper)
    {
        var simplex = new DenseSimplex(kinds, rhs);
        for (var j = 0; j < cost.Length; j++)
        {
            simplex.AddColumn(cost[j], upper[j], rows.Select((r, i) => (i, r[j])));
        }

        return simplex;
    }

    private static double[] Draw(Random random, int count, double min, double max) =>
        [.. Enumerable.Range(0, count).Select(_ => Math.Round(min + ((max - min) * random.NextDouble()), 2))];
}
