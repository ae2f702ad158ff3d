namespace GreenCompute.SchedulingBench.Oracle;

/// <summary>
/// The coupled LP of one window, solved exactly by Dantzig–Wolfe decomposition: the rooms couple only through the
/// core-hours jobs need per hour, so a master LP chooses a convex combination of each room's plans and routes the
/// pooled jobs' work into hours (x_w,t ≤ rate cap, Σ_t x_w,t + unserved_w (+ deferred_w) = work_w, and per hour
/// Σ_w x_w,t ≤ Σ rooms' core-hours). Each round, the master's duals price a core-hour per hour (μ_t) and every room
/// LP is re-solved with that value; a plan with negative reduced cost joins the master. It stops when none does
/// (the LP optimum) or the Lagrangian bound is within <see cref="RelativeGap"/> of the master's objective. A convex
/// combination of a room's feasible plans is feasible for it (its LP is convex), so the answer is a plan per room.
/// </summary>
internal static class OracleWindow
{
    public const double RelativeGap = 1e-5;
    public const int MaxRounds = 60;

    /// <summary>Tie-break: work done earlier is preferred by this much per core-hour per hour (EUR).</summary>
    private const double Earliness = 1e-6;

    public static WindowSolution Solve(IReadOnlyList<RoomLp> rooms, IReadOnlyList<JobGroup> groups, double unservedPenalty)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        ArgumentNullException.ThrowIfNull(groups);
        var hours = rooms.Count == 0 ? 0 : rooms[0].Hours;
        var capRow0 = rooms.Count;
        var jobRow0 = capRow0 + hours;
        var kinds = new List<RowKind>();
        var rhs = new List<double>();
        kinds.AddRange(rooms.Select(_ => RowKind.Equal));
        rhs.AddRange(rooms.Select(_ => 1.0));
        kinds.AddRange(Enumerable.Repeat(RowKind.LessOrEqual, hours));
        rhs.AddRange(Enumerable.Repeat(0.0, hours));
        kinds.AddRange(groups.Select(_ => RowKind.Equal));
        rhs.AddRange(groups.Select(g => g.Work));
        var master = new DenseSimplex(kinds, rhs);

        var unserved = new List<int>();
        for (var w = 0; w < groups.Count; w++)
        {
            for (var t = 0; t < hours; t++)
            {
                if (groups[w].RateCap[t] > 1e-12)
                {
                    master.AddColumn(Earliness * t, groups[w].RateCap[t], [(capRow0 + t, 1.0), (jobRow0 + w, 1.0)]);
                }
            }

            unserved.Add(master.AddColumn(unservedPenalty, double.PositiveInfinity, [(jobRow0 + w, 1.0)]));
            if (groups[w].DeferCost is { } defer)
            {
                master.AddColumn(defer, double.PositiveInfinity, [(jobRow0 + w, 1.0)]);
            }
        }

        var plans = rooms.Select(_ => new List<(int Column, RoomPlan Plan)>()).ToArray();
        for (var r = 0; r < rooms.Count; r++)
        {
            Add(master, plans, r, rooms[r].Solve(), capRow0);
        }

        var rounds = 0;
        var bound = double.NegativeInfinity;
        while (true)
        {
            rounds++;
            var status = master.Solve();
            if (status != SimplexStatus.Optimal)
            {
                throw new InvalidOperationException($"The oracle's master LP ended {status}.");
            }

            var value = Enumerable.Range(0, hours).Select(t => Math.Max(0, -master.Dual(capRow0 + t))).ToArray();
            var objective = master.Objective;
            var lagrangian = objective;
            var added = 0;
            for (var r = 0; r < rooms.Count; r++)
            {
                var plan = rooms[r].Solve(value);
                var reduced = plan.Cost - plan.CoreHours.Select((c, t) => c * value[t]).Sum() - master.Dual(r);
                lagrangian += Math.Min(0, reduced);
                if (reduced < -1e-9 * (1 + Math.Abs(plan.Cost)))
                {
                    Add(master, plans, r, plan, capRow0);
                    added++;
                }
            }

            bound = Math.Max(bound, lagrangian);
            if (added == 0 || objective - bound <= RelativeGap * Math.Max(1, Math.Abs(objective)) || rounds >= MaxRounds)
            {
                return Combine(master, plans, hours, objective, bound, rounds, unserved.Sum(master.Value));
            }
        }
    }

    private static void Add(DenseSimplex master, List<(int, RoomPlan)>[] plans, int room, RoomPlan plan, int capRow0)
    {
        var entries = new List<(int, double)> { (room, 1.0) };
        entries.AddRange(plan.CoreHours.Select((c, t) => (capRow0 + t, -c)).Where(e => e.Item2 != 0));
        plans[room].Add((master.AddColumn(plan.Cost, double.PositiveInfinity, entries), plan));
    }

    private static WindowSolution Combine(
        DenseSimplex master, List<(int Column, RoomPlan Plan)>[] plans, int hours, double objective, double bound, int rounds, double unserved)
    {
        var power = new double[plans.Length][];
        var energy = 0.0;
        for (var r = 0; r < plans.Length; r++)
        {
            power[r] = new double[hours];
            foreach (var (column, plan) in plans[r])
            {
                var weight = master.Value(column);
                if (weight <= 0)
                {
                    continue;
                }

                energy += weight * plan.EnergyCost;
                for (var t = 0; t < hours; t++)
                {
                    power[r][t] += weight * plan.PowerKw[t];
                }
            }
        }

        return new WindowSolution(power, objective, bound, rounds, unserved, energy);
    }
}
