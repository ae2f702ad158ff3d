namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// Capacity above the plan (a heater's cores beyond what planned heat carries), used only when a deadline forces
/// work to run without heat demand. Each slot's nodes are sorted by price the first time that slot is needed
/// (O(nodes log nodes), rare), then consumed from a cursor: spare capacity only ever shrinks.
/// </summary>
internal sealed class ForcedCapacity(int nodes, int slots, double[] spare, double[] price, double[] slotSeconds)
{
    private const double Eps = PlannedCapacity.Eps;

    private readonly int[]?[] _order = new int[]?[slots];
    private readonly int[] _cursor = new int[slots];
    private readonly Dictionary<int, double> _used = [];

    public double Spare(int node, int slot) => spare[node * slots + slot];

    /// <summary>
    /// Takes up to <paramref name="amount"/> core-seconds above plan in <paramref name="slot"/> at prices within
    /// <paramref name="maxPrice"/>: only on <paramref name="requireNode"/> when it is set, else from the cheapest
    /// nodes (one node only when <paramref name="singleNode"/>), avoiding <paramref name="avoid"/> if another fits.
    /// </summary>
    public double Take(int slot, double amount, double maxPrice, int requireNode, int avoid, bool singleNode, List<(int Node, double Amount, double Offset)> taken)
    {
        taken.Clear();
        if (requireNode >= 0)
        {
            return TakeFrom(requireNode, slot, amount, maxPrice, taken);
        }

        var order = _order[slot] ??= Sort(slot);
        while (_cursor[slot] < order.Length && spare[order[_cursor[slot]] * slots + slot] <= Eps)
        {
            _cursor[slot]++;
        }

        var total = 0.0;
        var deferred = -1;
        for (var k = _cursor[slot]; k < order.Length && total < amount - Eps; k++)
        {
            var node = order[k];
            if (price[node * slots + slot] > maxPrice)
            {
                break;
            }

            if (node == avoid)
            {
                deferred = node;
                continue;
            }

            total += TakeFrom(node, slot, amount - total, maxPrice, taken);
            if (singleNode && total > Eps)
            {
                return total;
            }
        }

        if (deferred >= 0 && total < amount - Eps && !(singleNode && total > Eps))
        {
            total += TakeFrom(deferred, slot, amount - total, maxPrice, taken);
        }

        return total;
    }

    private double TakeFrom(int node, int slot, double amount, double maxPrice, List<(int Node, double Amount, double Offset)> taken)
    {
        var cell = node * slots + slot;
        if (spare[cell] <= Eps || price[cell] > maxPrice)
        {
            return 0;
        }

        var take = Math.Min(amount, spare[cell]);
        spare[cell] -= take;
        var used = _used.GetValueOrDefault(cell);
        _used[cell] = used + take;
        taken.Add((node, take, used % slotSeconds[slot]));
        return take;
    }

    private int[] Sort(int slot)
    {
        var candidates = new List<int>();
        for (var node = 0; node < nodes; node++)
        {
            var cell = node * slots + slot;
            if (spare[cell] > Eps && double.IsFinite(price[cell]))
            {
                candidates.Add(node);
            }
        }

        // Sort on primitive keys (fast), then put runs of equal prices back in node order (deterministic ties).
        var order = candidates.ToArray();
        var keys = Array.ConvertAll(order, n => price[n * slots + slot]);
        Array.Sort(keys, order);
        for (int from = 0, to = 1; from < order.Length; from = to++)
        {
            while (to < order.Length && keys[to] == keys[from])
            {
                to++;
            }

            Array.Sort(order, from, to - from);
        }

        return order;
    }
}
