namespace GreenCompute.SchedulingBench.Policies;

/// <summary>
/// The evcc planner's rule (core/planner: sort by price ascending, later slot first on ties, take slots until the
/// need is covered), plus a comfort repair on a 1R1C forecast: where the room would fall below its lower bound, the
/// cheapest free slot before that point is added; where it would rise above its upper bound, the dearest chosen slot
/// before that point is dropped. Pure, on plain numbers (°C, W, EUR/MWh).
/// </summary>
internal static class CheapestSlots
{
    /// <summary>The <paramref name="count"/> cheapest slots, later first among equal prices.</summary>
    public static bool[] Select(ReadOnlySpan<double> prices, int count)
    {
        var order = Enumerable.Range(0, prices.Length).ToArray();
        var p = prices.ToArray();
        Array.Sort(order, (a, b) => p[a] != p[b] ? p[a].CompareTo(p[b]) : b.CompareTo(a));
        var on = new bool[prices.Length];
        foreach (var k in order.Take(Math.Clamp(count, 0, prices.Length)))
        {
            on[k] = true;
        }

        return on;
    }

    /// <summary>
    /// Slots to run at full power: the cheapest <paramref name="count"/>, then repaired so the forecast
    /// T[j+1] = decay·T[j] + (1 − decay)·(T_out[j] + P[j]/UA) stays within [lower[j+1], upper[j+1]] where it can.
    /// </summary>
    public static bool[] Plan(
        ReadOnlySpan<double> prices,
        int count,
        double start,
        double decay,
        double heatLoss,
        ReadOnlySpan<double> outdoor,
        ReadOnlySpan<double> lower,
        ReadOnlySpan<double> upper,
        double maxPower)
    {
        var n = prices.Length;
        var on = Select(prices, count);
        var temperature = new double[n + 1];
        for (var iteration = 0; iteration < 4 * n; iteration++)
        {
            temperature[0] = start;
            for (var k = 0; k < n; k++)
            {
                var equilibrium = outdoor[k] + ((on[k] ? maxPower : 0) / heatLoss);
                temperature[k + 1] = equilibrium + ((temperature[k] - equilibrium) * decay);
            }

            var cold = FirstBelow(temperature, lower);
            if (cold > 0)
            {
                var add = Pick(prices, on, cold, wantOn: false, cheapest: true);
                if (add < 0)
                {
                    return on;
                }

                on[add] = true;
                continue;
            }

            var hot = FirstAbove(temperature, upper);
            if (hot > 0)
            {
                var drop = Pick(prices, on, hot, wantOn: true, cheapest: false);
                if (drop < 0)
                {
                    return on;
                }

                on[drop] = false;
                continue;
            }

            break;
        }

        return on;
    }

    private static int FirstBelow(double[] temperature, ReadOnlySpan<double> lower)
    {
        for (var j = 1; j < temperature.Length; j++)
        {
            if (temperature[j] < lower[j] - 1e-6)
            {
                return j;
            }
        }

        return -1;
    }

    private static int FirstAbove(double[] temperature, ReadOnlySpan<double> upper)
    {
        for (var j = 1; j < temperature.Length; j++)
        {
            if (temperature[j] > upper[j] + 1e-6)
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>Among slots before boundary <paramref name="before"/> in state <paramref name="wantOn"/>, the cheapest (later on ties) or the dearest (earlier on ties).</summary>
    private static int Pick(ReadOnlySpan<double> prices, bool[] on, int before, bool wantOn, bool cheapest)
    {
        var best = -1;
        for (var k = 0; k < before; k++)
        {
            if (on[k] != wantOn)
            {
                continue;
            }

            if (best < 0 || (cheapest ? prices[k] <= prices[best] : prices[k] > prices[best]))
            {
                best = k;
            }
        }

        return best;
    }
}
