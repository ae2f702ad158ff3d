namespace GreenCompute.Core.Tests.Planning;

/// <summary>
/// The exact optimum of a small bounded LP, min c·x subject to A·x ≤ b, by enumerating every vertex: each choice of
/// n tight constraints that has a unique solution and satisfies all constraints. Exponential, for 2–4 variables only.
/// </summary>
internal static class LpBruteForce
{
    public static (bool Feasible, double Cost, double[] X) Minimise(double[][] a, double[] b, double[] c)
    {
        var n = c.Length;
        var best = double.PositiveInfinity;
        double[] bestX = [];
        var chosen = new int[n];
        Enumerate(0, 0);
        return (bestX.Length > 0, best, bestX);

        void Enumerate(int depth, int from)
        {
            if (depth == n)
            {
                if (SolveTight(a, b, chosen) is { } x && IsFeasible(a, b, x))
                {
                    var cost = 0.0;
                    for (var i = 0; i < n; i++)
                    {
                        cost += c[i] * x[i];
                    }

                    if (cost < best)
                    {
                        best = cost;
                        bestX = x;
                    }
                }

                return;
            }

            for (var row = from; row < a.Length; row++)
            {
                chosen[depth] = row;
                Enumerate(depth + 1, row + 1);
            }
        }
    }

    private static bool IsFeasible(double[][] a, double[] b, double[] x)
    {
        for (var row = 0; row < a.Length; row++)
        {
            var lhs = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                lhs += a[row][i] * x[i];
            }

            if (lhs > b[row] + (1e-7 * (1 + Math.Abs(b[row]))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Gaussian elimination with partial pivoting on the chosen rows; null when they do not fix a point.</summary>
    private static double[]? SolveTight(double[][] a, double[] b, int[] rows)
    {
        var n = rows.Length;
        var m = new double[n, n + 1];
        for (var r = 0; r < n; r++)
        {
            var norm = 0.0;
            for (var i = 0; i < n; i++)
            {
                norm = Math.Max(norm, Math.Abs(a[rows[r]][i]));
            }

            if (norm == 0)
            {
                return null;
            }

            // Rows are scaled to unit size so that one pivot threshold fits watt and kelvin rows alike.
            for (var i = 0; i < n; i++)
            {
                m[r, i] = a[rows[r]][i] / norm;
            }

            m[r, n] = b[rows[r]] / norm;
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(m[pivot, col]) < 1e-9)
            {
                return null;
            }

            for (var i = 0; i <= n; i++)
            {
                (m[col, i], m[pivot, i]) = (m[pivot, i], m[col, i]);
            }

            for (var r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var factor = m[r, col] / m[col, col];
                for (var i = col; i <= n; i++)
                {
                    m[r, i] -= factor * m[col, i];
                }
            }
        }

        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = m[i, n] / m[i, i];
        }

        return x;
    }
}
