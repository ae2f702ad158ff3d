using GreenCompute.Core.Planning;

namespace GreenCompute.Core.Tests.Planning;

public class PlanSolverTests
{
    [Fact]
    public void PlanSolver_RandomTinyInstances_MatchExhaustiveLpOptimum()
    {
        var random = new Random(2026);
        int feasible = 0, infeasible = 0;
        for (var instance = 0; instance < 600; instance++)
        {
            var problem = TinyProblem.Random(random, slots: 2 + (instance % 3));
            var exact = problem.ExactOptimum(problem.Lower, problem.Upper);

            var lower = (double[])problem.Lower.Clone();
            var upper = (double[])problem.Upper.Clone();
            var power = new double[problem.Slots];
            var temperature = new double[problem.Slots + 1];
            PlanSolver.Solve(problem.Decay, problem.Gain, problem.Drift, problem.Start, lower, upper, problem.MaxPower, problem.Price, power, temperature);

            // The solver relaxes only what cannot be met: floors above the warmest reachable trajectory, and
            // ceilings below the unheated one (a heater cannot cool).
            double shortfall = 0.0, overheat = 0.0, free = problem.Start;
            for (var j = 1; j <= problem.Slots; j++)
            {
                shortfall = Math.Max(shortfall, problem.Lower[j] - lower[j]);
                free = (problem.Decay * free) + problem.Drift[j - 1];
                overheat = Math.Max(overheat, free - problem.Upper[j]);
            }

            var relaxed = shortfall > 1e-6 || overheat > 1e-9;
            Assert.True(exact.Feasible != relaxed, $"instance {instance}: LP feasible {exact.Feasible}, shortfall {shortfall}, overheat {overheat}");
            var reference = exact.Feasible ? exact : problem.ExactOptimum(lower, upper);
            Assert.True(reference.Feasible, $"instance {instance}: relaxed bounds must be attainable");

            var cost = 0.0;
            for (var k = 0; k < problem.Slots; k++)
            {
                Assert.InRange(power[k], 0, problem.MaxPower[k]);
                cost += problem.Price[k] * power[k];
            }

            Assert.True(
                Math.Abs(cost - reference.Cost) <= 1e-6 * (1 + Math.Abs(reference.Cost)),
                $"instance {instance} ({problem.Slots} slots): greedy cost {cost}, LP optimum {reference.Cost}");
            for (var j = 1; j <= problem.Slots; j++)
            {
                Assert.True(temperature[j] >= lower[j] - 1e-7 && temperature[j] <= upper[j] + 1e-7, $"instance {instance}: boundary {j} out of bounds");
            }

            if (exact.Feasible)
            {
                feasible++;
            }
            else
            {
                infeasible++;
            }
        }

        // The random mix must exercise both paths, or the test proves less than it claims.
        Assert.True(feasible > 200 && infeasible > 50, $"{feasible} feasible, {infeasible} infeasible");
    }

    private sealed record TinyProblem(
        int Slots, double Decay, double Gain, double Start, double[] Drift, double[] Lower, double[] Upper, double[] MaxPower, double[] Price)
    {
        public static TinyProblem Random(Random random, int slots)
        {
            var decay = 0.5 + (0.49 * random.NextDouble());
            var heatLoss = 20 + (80 * random.NextDouble());
            var drift = new double[slots];
            var maxPower = new double[slots];
            var price = new double[slots];
            var lower = new double[slots + 1];
            var upper = new double[slots + 1];
            for (var k = 0; k < slots; k++)
            {
                drift[k] = (1 - decay) * (-10 + (25 * random.NextDouble()));
                maxPower[k] = random.NextDouble() < 0.1 ? 0 : 300 + (2700 * random.NextDouble());
                price[k] = random.NextDouble() < 0.2 ? -50 * random.NextDouble() : 300 * random.NextDouble();
                lower[k + 1] = 17 + (4 * random.NextDouble());
                upper[k + 1] = lower[k + 1] + 0.3 + (3 * random.NextDouble());
            }

            return new TinyProblem(slots, decay, (1 - decay) / heatLoss, 15 + (8 * random.NextDouble()), drift, lower, upper, maxPower, price);
        }

        /// <summary>The LP over powers: bounds on each power and on the temperature at each boundary.</summary>
        public (bool Feasible, double Cost, double[] X) ExactOptimum(double[] lower, double[] upper)
        {
            var rows = new List<double[]>();
            var limits = new List<double>();
            for (var k = 0; k < Slots; k++)
            {
                rows.Add(Unit(k, -1));
                limits.Add(0);
                rows.Add(Unit(k, 1));
                limits.Add(MaxPower[k]);
            }

            for (var j = 1; j <= Slots; j++)
            {
                // T[j] = free[j] + Σ_{k<j} g·a^(j−1−k)·P[k]
                var free = Start;
                for (var k = 0; k < j; k++)
                {
                    free = (Decay * free) + Drift[k];
                }

                var effect = new double[Slots];
                for (var k = 0; k < j; k++)
                {
                    effect[k] = Gain * Math.Pow(Decay, j - 1 - k);
                }

                rows.Add(effect.Select(e => -e).ToArray());
                limits.Add(free - lower[j]);
                rows.Add(effect);
                limits.Add(upper[j] - free);
            }

            return LpBruteForce.Minimise([.. rows], [.. limits], Price);
        }

        private double[] Unit(int k, double sign)
        {
            var row = new double[Slots];
            row[k] = sign;
            return row;
        }
    }
}
