using GreenCompute.SchedulingBench.Oracle;

namespace GreenCompute.SchedulingBench.Tests.Oracle;

/// <summary>
/// Brute force for small LPs with finite bounds: every vertex is the solution of n independent active constraints
/// (rows as equalities, or x_j at 0 or at its bound); the optimum is the best feasible vertex. Null when infeasible.
/// </summary>
internal static class VertexEnumeration
{
    public static double? Minimum(double[] cost, double[][] rows, RowKind[] kinds, double[] rhs, double[] upper)
    {
        var n = cost.Length;
        var planes = new List<(double[] A, double B)>();
        for (var i = 0; i < rows.Length; i++)
        {
            planes.Add((rows[i], rhs[i]));
        }

        for (var j = 0; j < n; j++)
        {
            planes.Add((Unit(n, j), 0));
            planes.Add((Unit(n, j), upper[j]));
        }

        double? best = null;
        foreach (var subset in Subsets(planes.Count, n))
        {
            var x = SolveSquare([.. subset.Select(k => planes[k].A)], [.. subset.Select(k => planes[k].B)]);
            if (x is null || !Feasible(x, rows, kinds, rhs, upper))
            {
                continue;
            }

            var value = cost.Select((c, j) => c * x[j]).Sum();
            best = best is null ? value : Math.Min(best.Value, value);
        }

        return best;
    }

    private static bool Feasible(double[] x, double[][] rows, RowKind[] kinds, double[] rhs, double[] upper)
    {
        const double Tolerance = 1e-7;
        if (x.Where((v, j) => v < -Tolerance || v > upper[j] + Tolerance).Any())
        {
            return false;
        }

        for (var i = 0; i < rows.Length; i++)
        {
            var lhs = rows[i].Select((a, j) => a * x[j]).Sum();
            var ok = kinds[i] switch
            {
                RowKind.LessOrEqual => lhs <= rhs[i] + Tolerance,
                RowKind.GreaterOrEqual => lhs >= rhs[i] - Tolerance,
                _ => Math.Abs(lhs - rhs[i]) <= Tolerance,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static double[]? SolveSquare(double[][] a, double[] b)
    {
        var n = b.Length;
        var m = a.Select((row, i) => row.Append(b[i]).ToArray()).ToArray();
        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(m[r][col]));
            if (Math.Abs(m[pivot][col]) < 1e-10)
            {
                return null;
            }

            (m[col], m[pivot]) = (m[pivot], m[col]);
            for (var r = 0; r < n; r++)
            {
                if (r != col)
                {
                    var f = m[r][col] / m[col][col];
                    for (var c = col; c <= n; c++)
                    {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }

        return [.. Enumerable.Range(0, n).Select(i => m[i][n] / m[i][i])];
    }

    private static IEnumerable<int[]> Subsets(int count, int size)
    {
        var index = Enumerable.Range(0, size).ToArray();
        while (true)
        {
            yield return [.. index];
            var i = size - 1;
            while (i >= 0 && index[i] == count - size + i)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            index[i]++;
            for (var j = i + 1; j < size; j++)
            {
                index[j] = index[j - 1] + 1;
            }
        }
    }

    private static double[] Unit(int n, int j)
    {
        var unit = new double[n];
        unit[j] = 1;
        return unit;
    }
}
