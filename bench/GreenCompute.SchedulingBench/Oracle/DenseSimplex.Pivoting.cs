namespace GreenCompute.SchedulingBench.Oracle;

/// <summary>The simplex step of <see cref="DenseSimplex"/>: pricing, the bounded ratio test and the pivot.</summary>
internal sealed partial class DenseSimplex
{
    private int Entering(bool bland)
    {
        var best = -1;
        var bestScore = OptimalityTolerance;
        for (var j = 0; j < _columns.Count; j++)
        {
            var column = _columns[j];
            if (column.BasicRow >= 0 || column.Artificial || column.Upper <= 0)
            {
                continue;
            }

            var score = column.AtUpper ? column.Reduced : -column.Reduced;
            if (score > bestScore)
            {
                if (bland)
                {
                    return j;
                }

                (best, bestScore) = (j, score);
            }
        }

        return best;
    }

    private (int Row, double Theta) RatioTest(double[] alpha, double direction, double enteringUpper)
    {
        var limit = enteringUpper;
        for (var i = 0; i < _m; i++)
        {
            var a = alpha[i] * direction;
            var upper = _columns[_basis[i]].Upper;
            if (a > PivotTolerance)
            {
                limit = Math.Min(limit, (_beta[i] + FeasibilityTolerance) / a);
            }
            else if (a < -PivotTolerance && !double.IsPositiveInfinity(upper))
            {
                limit = Math.Min(limit, (upper - _beta[i] + FeasibilityTolerance) / -a);
            }
        }

        if (double.IsPositiveInfinity(limit))
        {
            return (-1, limit);
        }

        var row = -1;
        var largest = 0.0;
        var theta = enteringUpper;
        for (var i = 0; i < _m; i++)
        {
            var a = alpha[i] * direction;
            var upper = _columns[_basis[i]].Upper;
            double step;
            if (a > PivotTolerance)
            {
                step = _beta[i] / a;
            }
            else if (a < -PivotTolerance && !double.IsPositiveInfinity(upper))
            {
                step = (upper - _beta[i]) / -a;
            }
            else
            {
                continue;
            }

            if (step <= limit && Math.Abs(a) > largest)
            {
                (row, largest, theta) = (i, Math.Abs(a), Math.Max(0, step));
            }
        }

        return row >= 0 && theta < enteringUpper ? (row, theta) : (-1, enteringUpper);
    }

    private void Pivot(int row, int entering)
    {
        var pivot = (double[])_columns[entering].Tableau.Clone();
        var reducedEntering = _columns[entering].Reduced;
        var inverse = 1 / pivot[row];
        foreach (var column in _columns)
        {
            var t = column.Tableau[row];
            if (t == 0)
            {
                continue;
            }

            t *= inverse;
            var tableau = column.Tableau;
            for (var i = 0; i < _m; i++)
            {
                tableau[i] -= pivot[i] * t;
            }

            tableau[row] = t;
            column.Reduced -= reducedEntering * t;
        }

        _basis[row] = entering;
        _columns[entering].BasicRow = row;
        _columns[entering].Reduced = 0;
    }
}
