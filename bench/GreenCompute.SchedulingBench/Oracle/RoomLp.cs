namespace GreenCompute.SchedulingBench.Oracle;

/// <summary>
/// One room's LP over a window of hourly slots: power P_t ∈ [0, P_max] (kW), the air reading after each hour's first
/// and last physics step affine in the powers so far (<see cref="HourMap"/>), kept inside the band at that moment
/// up to slack variables that cost <c>comfortPenalty</c> EUR per K·h (each reading stands for half an hour).
/// Objective: energy at the hour's price minus the value μ_t of the core-hours it carries, n_c·P_t/P_max (the LP
/// relaxation of P ∈ {0} ∪ [P_idle, P_max]: the convex hull of "off" and "on with c cores" is P ≥ P_max·c/n_c).
/// Built once per window; <see cref="Solve"/> re-optimises from the last basis for new μ.
/// </summary>
internal sealed class RoomLp
{
    private readonly DenseSimplex _simplex;
    private readonly double[] _prices;
    private readonly double _coresPerKw;
    private readonly int _hours;
    private readonly int _checks;
    private readonly double _slackCost;

    /// <param name="hours">The window's hours, composed for this room.</param>
    /// <param name="startMass">The room's mass temperature at the window's start.</param>
    /// <param name="bands">Per hour: the band (min, max) at the first and at the last reading.</param>
    /// <param name="prices">EUR/MWh per hour.</param>
    /// <param name="maxKw">The heater's maximum power.</param>
    /// <param name="cores">The heater's cores.</param>
    /// <param name="comfortPenalty">EUR per K·h outside the band.</param>
    public RoomLp(
        IReadOnlyList<HourMap> hours,
        double startMass,
        IReadOnlyList<(double FirstMin, double FirstMax, double LastMin, double LastMax)> bands,
        IReadOnlyList<double> prices,
        double maxKw,
        int cores,
        double comfortPenalty)
    {
        _hours = hours.Count;
        _checks = 2 * _hours;
        _prices = [.. prices];
        _coresPerKw = cores / maxKw;
        _slackCost = comfortPenalty / 2;
        var kinds = new RowKind[2 * _checks];
        var rhs = new double[2 * _checks];
        var coefficients = new double[_checks][];
        var massCoefficients = new double[_hours];
        var massFree = startMass;
        for (var t = 0; t < _hours; t++)
        {
            var map = hours[t];
            var band = bands[t];
            for (var k = 0; k < 2; k++)
            {
                var air = k == 0 ? map.FirstAir : map.LastAir;
                var row = new double[_hours];
                for (var tau = 0; tau < t; tau++)
                {
                    row[tau] = air.Start * massCoefficients[tau];
                }

                row[t] = air.Power * 1000;
                var free = (air.Start * massFree) + air.Free;
                var check = (2 * t) + k;
                coefficients[check] = row;
                (kinds[2 * check], rhs[2 * check]) = (RowKind.GreaterOrEqual, (k == 0 ? band.FirstMin : band.LastMin) - free);
                (kinds[(2 * check) + 1], rhs[(2 * check) + 1]) = (RowKind.LessOrEqual, (k == 0 ? band.FirstMax : band.LastMax) - free);
            }

            for (var tau = 0; tau < t; tau++)
            {
                massCoefficients[tau] *= map.MassEnd.Start;
            }

            massCoefficients[t] = map.MassEnd.Power * 1000;
            massFree = (map.MassEnd.Start * massFree) + map.MassEnd.Free;
        }

        var columns = new List<LpColumn>();
        for (var t = 0; t < _hours; t++)
        {
            var entries = new List<(int, double)>();
            for (var check = 2 * t; check < _checks; check++)
            {
                entries.Add((2 * check, coefficients[check][t]));
                entries.Add(((2 * check) + 1, coefficients[check][t]));
            }

            columns.Add(new LpColumn(_prices[t] / 1000, maxKw, [.. entries]));
        }

        for (var check = 0; check < _checks; check++)
        {
            columns.Add(new LpColumn(_slackCost, double.PositiveInfinity, [(2 * check, 1.0)]));
            columns.Add(new LpColumn(_slackCost, double.PositiveInfinity, [((2 * check) + 1, -1.0)]));
        }

        Model = new LpModel(kinds, rhs, columns);
        _simplex = Model.ToSimplex();
    }

    /// <summary>The LP as built (with zero core-hour value): power columns first, one per hour, then the slacks.</summary>
    public LpModel Model { get; }

    public double CoresPerKw => _coresPerKw;

    public int Hours => _hours;

    /// <summary>Cheapest plan when a core-hour in hour t is worth <paramref name="coreHourValue"/>[t] EUR (null: nothing).</summary>
    public RoomPlan Solve(IReadOnlyList<double>? coreHourValue = null)
    {
        for (var t = 0; t < _hours; t++)
        {
            var value = coreHourValue?[t] ?? 0;
            _simplex.SetCost(t, (_prices[t] / 1000) - (value * _coresPerKw));
        }

        var status = _simplex.Solve();
        if (status != SimplexStatus.Optimal)
        {
            throw new InvalidOperationException($"A room LP ended {status}; with penalty slacks it is always feasible and bounded.");
        }

        var power = new double[_hours];
        var energy = 0.0;
        for (var t = 0; t < _hours; t++)
        {
            power[t] = Math.Max(0, _simplex.Value(t));
            energy += _prices[t] / 1000 * power[t];
        }

        var penalty = 0.0;
        for (var j = _hours; j < _simplex.Columns; j++)
        {
            penalty += _simplex.Value(j) * _slackCost;
        }

        return new RoomPlan(power, energy, penalty, [.. power.Select(p => p * _coresPerKw)]);
    }
}
