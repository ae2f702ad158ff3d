namespace GreenCompute.Core.Planning;

/// <summary>
/// The optimisation inside <see cref="PowerPlanner"/>, on plain doubles (°C, W, EUR/MWh).
/// Dynamics per slot k: T[k+1] = a·T[k] + d[k] + g·P[k] with a = e^(−Δt/τ), d[k] = (1−a)·T_out[k], g = (1−a)/UA.
/// Minimise Σ price[k]·P[k] subject to 0 ≤ P[k] ≤ Pmax[k] and lower[j] ≤ T[j] ≤ upper[j] for boundaries j = 1..N.
/// <para>
/// Why the greedy below is exact: with X[j] = T[j]·a^(−j) minus the unheated drift, and Q[k] = g·a^(−k−1)·P[k],
/// the constraints become bounds on prefix sums Q[0]+…+Q[j−1] plus bounds on each Q[k]. Prefixes and singletons
/// form a laminar family, so the feasible set is a generalised polymatroid, on which a linear objective is
/// optimised greedily: take slots by transformed price price[k]·a^k (what a kelvin delivered at the horizon's end
/// costs, losses included); give negative-price slots the most power that keeps the rest feasible, most negative
/// first; then give the others the least power that keeps the rest feasible, most expensive first. Each
/// "keeps the rest feasible" is an exact interval sweep along the chain of slots; the sweeps are kept between
/// fixes and redone only between consecutive fix positions, so a plan is O(N²) at worst and far less on real
/// price curves (about 15 µs for 96 slots).
/// The tests check the result against an exhaustive vertex enumeration of the LP on small instances.
/// </para>
/// <para>
/// Before optimising, the bounds are made attainable: the upper bound is raised to the unheated trajectory (a
/// heater cannot cool) and the lower bound is lowered to the warmest trajectory the heater can reach within the
/// upper bounds. Where the lower bound had to be lowered, the plan runs at full power: the honest best effort.
/// </para>
/// </summary>
internal static class PlanSolver
{
    private const double GroupOffset = 1e7;
    private const int IndexBits = 16;
    private const long IndexMask = (1L << IndexBits) - 1;

    /// <summary>
    /// Fills <paramref name="power"/> (per slot) and <paramref name="temperature"/> (per boundary, index 0 = start).
    /// On return <paramref name="lower"/> holds the attainable lower bounds and <paramref name="upper"/> the enforced upper ones.
    /// </summary>
    public static void Solve(
        double decay,
        double gain,
        ReadOnlySpan<double> drift,
        double start,
        Span<double> lower,
        Span<double> upper,
        ReadOnlySpan<double> maxPower,
        ReadOnlySpan<double> price,
        Span<double> power,
        Span<double> temperature)
    {
        var count = drift.Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, (int)IndexMask + 1, nameof(drift));
        var n1 = count + 1;
        var onStack = count <= 128;
        Span<double> work = onStack ? stackalloc double[(4 * count) + (4 * n1)] : new double[(4 * count) + (4 * n1)];
        Span<long> order = onStack ? stackalloc long[count] : new long[count];
        var pMin = work[..count];
        var riseLow = work.Slice(2 * count, count);   // d[k] + g·Pmin[k]: the least the slot adds, in K
        var riseHigh = work.Slice(3 * count, count);  // d[k] + g·Pmax[k]: the most it adds
        var reachLow = work.Slice(4 * count, n1);     // prefix sweep: temperatures reachable at each boundary
        var reachHigh = work.Slice((4 * count) + n1, n1);
        var needLow = work.Slice((4 * count) + (2 * n1), n1); // suffix sweep: temperatures from which the rest stays feasible
        var needHigh = work.Slice((4 * count) + (3 * n1), n1);

        MakeAttainable(decay, gain, drift, start, lower, upper, maxPower);

        var logDecay = Math.Log(decay);
        for (var k = 0; k < count; k++)
        {
            var most = Math.Max(0, maxPower[k]);
            pMin[k] = 0;
            power[k] = most; // the upper end of each slot's range until the slot is fixed
            riseLow[k] = drift[k];
            riseHigh[k] = drift[k] + (gain * most);
            order[k] = SortKey(price[k], Math.Max(k * logDecay, -1e5), k);
        }

        // A primitive sort of packed keys: several times faster than sorting keys with a parallel index span.
        order.Sort();

        // Sweeps are kept between fixes: fixing slot k only invalidates the prefix after k and the suffix up to k,
        // so the work per fix is the distance to the previous fix rather than the whole horizon.
        var inverseDecay = 1 / decay;
        reachLow[0] = reachHigh[0] = start;
        needLow[count] = lower[count];
        needHigh[count] = upper[count];
        int prefixValid = 0, suffixValid = count;
        foreach (var packed in order)
        {
            var k = (int)(packed & IndexMask);
            for (var j = prefixValid; j < k; j++)
            {
                reachLow[j + 1] = double.MaxNative(lower[j + 1], (decay * reachLow[j]) + riseLow[j]);
                reachHigh[j + 1] = double.MinNative(upper[j + 1], (decay * reachHigh[j]) + riseHigh[j]);
            }

            for (var j = suffixValid - 1; j > k; j--)
            {
                needLow[j] = double.MaxNative(lower[j], (needLow[j + 1] - riseHigh[j]) * inverseDecay);
                needHigh[j] = double.MinNative(upper[j], (needHigh[j + 1] - riseLow[j]) * inverseDecay);
            }

            var chosen = price[k] < 0
                ? (needHigh[k + 1] - drift[k] - (decay * reachLow[k])) / gain
                : (needLow[k + 1] - drift[k] - (decay * reachHigh[k])) / gain;
            chosen = Math.Clamp(chosen, 0, power[k]);
            pMin[k] = power[k] = chosen;
            riseLow[k] = riseHigh[k] = drift[k] + (gain * chosen);
            prefixValid = k;
            suffixValid = k + 1;
        }

        temperature[0] = start;
        for (var k = 0; k < count; k++)
        {
            temperature[k + 1] = (decay * temperature[k]) + drift[k] + (gain * power[k]);
        }
    }

    /// <summary>
    /// Processing order, ascending: negative prices first (most negative transformed price first), then the rest
    /// from the most expensive. The key's bits are made to sort as a signed integer, and the slot index replaces
    /// the lowest mantissa bits: keys closer than ~1e-11 relative are equal costs for planning purposes.
    /// </summary>
    private static long SortKey(double price, double logDiscount, int slot)
    {
        double key;
        if (price < 0)
        {
            key = -GroupOffset - (Math.Log(-price) + logDiscount);
        }
        else
        {
            key = price > 0 ? -(Math.Log(price) + logDiscount) : GroupOffset;
        }

        var bits = BitConverter.DoubleToInt64Bits(key);
        bits = bits < 0 ? bits ^ long.MaxValue : bits;
        return (bits & ~IndexMask) | (long)slot;
    }

    private static void MakeAttainable(
        double decay, double gain, ReadOnlySpan<double> drift, double start, Span<double> lower, Span<double> upper, ReadOnlySpan<double> maxPower)
    {
        var count = drift.Length;

        // Raise the ceiling to the unheated trajectory: a heater cannot cool.
        var free = start;
        for (var j = 1; j <= count; j++)
        {
            free = (decay * free) + drift[j - 1];
            upper[j] = Math.Max(upper[j], free);
        }

        // Tighten each ceiling to what the later ones imply with the heater off afterwards.
        for (var j = count - 1; j >= 1; j--)
        {
            upper[j] = Math.Min(upper[j], (upper[j + 1] - drift[j]) / decay);
        }

        // The warmest trajectory within the ceilings, and the floor it can honour.
        var warmest = start;
        for (var j = 1; j <= count; j++)
        {
            warmest = Math.Min(upper[j], (decay * warmest) + drift[j - 1] + (gain * maxPower[j - 1]));
            lower[j] = Math.Min(lower[j], warmest);
        }
    }
}
