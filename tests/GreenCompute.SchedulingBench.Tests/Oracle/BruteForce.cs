namespace GreenCompute.SchedulingBench.Tests.Oracle;

/// <summary>
/// Minimises a convex function over the box [0, upper]^n by exhaustive grid search, then repeatedly searches a finer
/// grid around the best point (11 points per axis, ± 2 cells): brute force that converges on convex functions.
/// </summary>
internal static class BruteForce
{
    public static double Minimum(Func<double[], double> f, int dimensions, double upper)
    {
        var centre = Enumerable.Repeat(upper / 2, dimensions).ToArray();
        var half = upper / 2;
        var best = double.PositiveInfinity;
        for (var level = 0; level < 25; level++)
        {
            var step = 2 * half / 10;
            var bestPoint = centre;
            foreach (var point in Grid(centre, half, dimensions, upper))
            {
                var value = f(point);
                if (value < best)
                {
                    (best, bestPoint) = (value, point);
                }
            }

            centre = bestPoint;
            half = 2 * step;
        }

        return best;
    }

    private static IEnumerable<double[]> Grid(double[] centre, double half, int dimensions, double upper)
    {
        var index = new int[dimensions];
        while (true)
        {
            yield return [.. index.Select((i, d) => Math.Clamp(centre[d] - half + (i * half / 5), 0, upper))];
            var axis = 0;
            while (axis < dimensions && ++index[axis] > 10)
            {
                index[axis++] = 0;
            }

            if (axis == dimensions)
            {
                yield break;
            }
        }
    }
}
