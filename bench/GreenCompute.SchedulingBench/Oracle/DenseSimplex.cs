namespace GreenCompute.SchedulingBench.Oracle;

/// <summary>
/// A small dense LP solver, written because no LP package is available here: minimise c·x subject to rows
/// a·x (≤, =, ≥) b and 0 ≤ x ≤ u (u may be +∞). Bounded-variable primal simplex on a full tableau kept column by
/// column, so columns can be added after a solve (column generation) and costs changed (re-optimised from the
/// last basis). Start: a crash basis of slacks and singleton columns, artificials elsewhere (phase I). Pricing:
/// Dantzig's rule, Bland's after 50 degenerate pivots; ratio test: Harris's two passes. Duals are read from the
/// artificial columns, which hold B⁻¹. Tested against vertex enumeration on small random LPs.
/// </summary>
internal sealed partial class DenseSimplex
{
    private const double PivotTolerance = 1e-9;
    private const double OptimalityTolerance = 1e-9;
    private const double FeasibilityTolerance = 1e-9;

    private readonly int _m;
    private readonly RowKind[] _kinds;
    private readonly double[] _rhs;
    private readonly double[] _flip;
    private readonly List<SimplexColumn> _columns = [];
    private readonly List<int> _user = [];
    private int[] _basis = [];
    private double[] _beta = [];
    private int[] _artificial = [];
    private bool _initialised;
    private bool _phaseOne;

    public DenseSimplex(IReadOnlyList<RowKind> kinds, IReadOnlyList<double> rhs)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(rhs);
        if (kinds.Count != rhs.Count)
        {
            throw new ArgumentException("One row kind per right-hand side.");
        }

        _m = rhs.Count;
        _kinds = [.. kinds];
        _flip = [.. rhs.Select(b => b < 0 ? -1.0 : 1.0)];
        _rhs = [.. rhs.Select(Math.Abs)];
    }

    public int Rows => _m;

    public int Columns => _user.Count;

    public int Iterations { get; private set; }

    public double Objective => _user.Sum(j => _columns[j].Cost * ColumnValue(_columns[j]));

    /// <summary>Adds a column with sparse entries (row, coefficient); returns its index. Allowed after a solve.</summary>
    public int AddColumn(double cost, double upper, IEnumerable<(int Row, double Value)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var normalised = entries.Where(e => e.Value != 0).Select(e => (e.Row, e.Value * _flip[e.Row])).ToArray();
        var column = new SimplexColumn(cost, upper, normalised, artificial: false);
        _columns.Add(column);
        _user.Add(_columns.Count - 1);
        if (_initialised)
        {
            column.Tableau = Transform(normalised);
            column.Reduced = PhaseCost(column) - Price(normalised);
        }

        return _user.Count - 1;
    }

    public void SetCost(int column, double cost) => _columns[_user[column]].Cost = cost;

    public double Value(int column) => ColumnValue(_columns[_user[column]]);

    /// <summary>The dual value of row <paramref name="row"/>: the objective's rate of change with its right-hand side.</summary>
    public double Dual(int row)
    {
        var artificial = _columns[_artificial[row]];
        return _flip[row] * (PhaseCost(artificial) - artificial.Reduced);
    }

    public SimplexStatus Solve(int maxIterations = 200_000)
    {
        if (!_initialised)
        {
            Initialise();
            if (_phaseOne)
            {
                Reprice();
                var first = Iterate(maxIterations);
                if (first != SimplexStatus.Optimal)
                {
                    return first;
                }

                if (_basis.Select((j, i) => (j, i)).Any(b => _columns[b.j].Artificial && _beta[b.i] > 1e-7 * (1 + _rhs[b.i])))
                {
                    return SimplexStatus.Infeasible;
                }

                _phaseOne = false;
            }

            foreach (var index in _artificial)
            {
                _columns[index].Upper = 0;
            }
        }
        else
        {
            Refresh();
        }

        Reprice();
        return Iterate(maxIterations);
    }

    private void Initialise()
    {
        _basis = new int[_m];
        _beta = new double[_m];
        _artificial = new int[_m];
        var scale = new double[_m];
        var taken = new HashSet<int>();
        for (var i = 0; i < _m; i++)
        {
            var sign = _kinds[i] switch { RowKind.LessOrEqual => 1.0, RowKind.GreaterOrEqual => -1.0, _ => 0.0 } * _flip[i];
            var slack = -1;
            if (sign != 0)
            {
                _columns.Add(new SimplexColumn(0, double.PositiveInfinity, [(i, sign)], artificial: false));
                slack = _columns.Count - 1;
            }

            _columns.Add(new SimplexColumn(0, double.PositiveInfinity, [(i, 1.0)], artificial: true));
            _artificial[i] = _columns.Count - 1;
            var (basic, coefficient) = sign > 0 ? (slack, 1.0) : Singleton(i, taken);
            if (basic < 0)
            {
                (basic, coefficient) = (_artificial[i], 1.0);
                _phaseOne |= _rhs[i] > 0;
            }

            taken.Add(basic);
            _basis[i] = basic;
            scale[i] = coefficient;
            _beta[i] = _rhs[i] / coefficient;
        }

        // The crash basis is diagonal, so B⁻¹ scales row i by 1 / coefficient.
        foreach (var column in _columns)
        {
            column.Tableau = new double[_m];
            foreach (var (row, value) in column.Entries)
            {
                column.Tableau[row] = value / scale[row];
            }

            column.BasicRow = -1;
        }

        for (var i = 0; i < _m; i++)
        {
            _columns[_basis[i]].BasicRow = i;
        }

        _initialised = true;
    }

    private (int Column, double Coefficient) Singleton(int row, HashSet<int> taken)
    {
        foreach (var j in _user)
        {
            var column = _columns[j];
            if (column.Entries.Length == 1 && column.Entries[0].Row == row && column.Entries[0].Value > 0 && !taken.Contains(j)
                && column.Upper >= _rhs[row] / column.Entries[0].Value)
            {
                return (j, column.Entries[0].Value);
            }
        }

        return (-1, 0);
    }

    private SimplexStatus Iterate(int maxIterations)
    {
        var degenerate = 0;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            Iterations++;
            var entering = Entering(bland: degenerate > 50);
            if (entering < 0)
            {
                return SimplexStatus.Optimal;
            }

            var column = _columns[entering];
            var direction = column.AtUpper ? -1.0 : 1.0;
            var alpha = column.Tableau;
            var (row, theta) = RatioTest(alpha, direction, column.Upper);
            if (double.IsPositiveInfinity(theta))
            {
                return SimplexStatus.Unbounded;
            }

            for (var i = 0; i < _m; i++)
            {
                _beta[i] -= theta * direction * alpha[i];
            }

            degenerate = theta < 1e-12 ? degenerate + 1 : 0;
            if (row < 0)
            {
                column.AtUpper = !column.AtUpper;
                continue;
            }

            var leaving = _columns[_basis[row]];
            leaving.AtUpper = alpha[row] * direction < 0;
            leaving.BasicRow = -1;
            _beta[row] = (direction > 0 ? 0 : column.Upper) + (direction * theta);
            Pivot(row, entering);
        }

        return SimplexStatus.IterationLimit;
    }

    private double PhaseCost(SimplexColumn column) => _phaseOne ? (column.Artificial ? 1 : 0) : (column.Artificial ? 0 : column.Cost);

    private void Reprice()
    {
        foreach (var column in _columns)
        {
            var reduced = PhaseCost(column);
            if (column.BasicRow < 0)
            {
                for (var i = 0; i < _m; i++)
                {
                    reduced -= PhaseCost(_columns[_basis[i]]) * column.Tableau[i];
                }
            }
            else
            {
                reduced = 0;
            }

            column.Reduced = reduced;
        }
    }

    /// <summary>Recomputes the basic values from B⁻¹ (the artificial columns) to shed accumulated rounding.</summary>
    private void Refresh()
    {
        var residual = (double[])_rhs.Clone();
        foreach (var column in _columns.Where(c => c.BasicRow < 0 && c.AtUpper))
        {
            foreach (var (row, value) in column.Entries)
            {
                residual[row] -= value * column.Upper;
            }
        }

        _beta = Transform(residual.Select((v, i) => (i, v)).Where(e => e.v != 0).ToArray());
    }

    /// <summary>B⁻¹·a for a sparse original column.</summary>
    private double[] Transform((int Row, double Value)[] entries)
    {
        var result = new double[_m];
        foreach (var (row, value) in entries)
        {
            var inverse = _columns[_artificial[row]].Tableau;
            for (var i = 0; i < _m; i++)
            {
                result[i] += value * inverse[i];
            }
        }

        return result;
    }

    /// <summary>π·a with π the current phase's duals (in the normalised rows).</summary>
    private double Price((int Row, double Value)[] entries) =>
        entries.Sum(e => (PhaseCost(_columns[_artificial[e.Row]]) - _columns[_artificial[e.Row]].Reduced) * e.Value);

    private double ColumnValue(SimplexColumn column) =>
        column.BasicRow >= 0 ? _beta[column.BasicRow] : column.AtUpper ? column.Upper : 0;
}
