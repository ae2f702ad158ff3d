namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// Capacity above the plan (a heater's cores beyond what planned heat carries), used only when a deadline forces
/// work to run without heat demand. Work above the plan heats its room past what comfort asked for, so it is
/// spread: within a slot's cheapest price, the node whose room is predicted coolest, counting each core of forced
/// work it already carries in the slot as <see cref="KelvinPerForcedCore"/> warmer; then the lower node index.
/// (A whole fleet in one price zone ties on price; packing forced work onto the first node of the list overheated
/// that room while the others had headroom.) Each slot's candidates sit in a min-heap built the first time the slot
/// is needed (O(nodes), rare); a node's key only grows, so a popped key that went stale is refreshed and pushed back.
/// </summary>
internal sealed class ForcedCapacity(int nodes, int slots, double[] spare, double[] price, double[] warmth, double[] slotSeconds)
{
    /// <summary>
    /// How much warmer a room counts for each core of forced work already given to it in the slot, in K: about
    /// what one 57.5 W core adds to a room's air reading (≈ 3 K/kW sensor offset), so a cool room takes a few
    /// cores before a warmer one takes its first.
    /// </summary>
    public const double KelvinPerForcedCore = 0.25;

    private const double Eps = PlannedCapacity.Eps;

    private readonly PriorityQueue<int, (double Price, double Score, int Node)>?[] _queues =
        new PriorityQueue<int, (double, double, int)>?[slots];

    private readonly Dictionary<int, double> _used = [];
    private readonly List<int> _held = [];

    public double Spare(int node, int slot) => spare[node * slots + slot];

    /// <summary>
    /// Takes up to <paramref name="amount"/> core-seconds above plan in <paramref name="slot"/> at prices within
    /// <paramref name="maxPrice"/>: only on <paramref name="requireNode"/> when it is set, else spread as the class
    /// says (one node only when <paramref name="singleNode"/>), avoiding <paramref name="avoid"/> if another fits.
    /// </summary>
    public double Take(int slot, double amount, double maxPrice, int requireNode, int avoid, bool singleNode, List<(int Node, double Amount, double Offset)> taken)
    {
        taken.Clear();
        if (requireNode >= 0)
        {
            return TakeFrom(requireNode, slot, amount, maxPrice, taken);
        }

        var queue = _queues[slot] ??= Build(slot);
        var total = 0.0;
        var deferred = -1;
        _held.Clear();
        while (total < amount - Eps && queue.TryPeek(out var node, out var key))
        {
            var cell = node * slots + slot;
            if (spare[cell] <= Eps)
            {
                queue.Dequeue();
                continue;
            }

            var current = Key(node, slot);
            if (current != key)
            {
                queue.DequeueEnqueue(node, current);
                continue;
            }

            if (price[cell] > maxPrice)
            {
                break;
            }

            queue.Dequeue();
            if (node == avoid)
            {
                deferred = node;
                continue;
            }

            total += TakeFrom(node, slot, amount - total, maxPrice, taken);
            _held.Add(node);
            if (singleNode && total > Eps)
            {
                break;
            }
        }

        if (deferred >= 0)
        {
            if (total < amount - Eps && !(singleNode && total > Eps))
            {
                total += TakeFrom(deferred, slot, amount - total, maxPrice, taken);
            }

            _held.Add(deferred);
        }

        foreach (var node in _held)
        {
            if (spare[node * slots + slot] > Eps)
            {
                queue.Enqueue(node, Key(node, slot));
            }
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

    private (double Price, double Score, int Node) Key(int node, int slot)
    {
        var cell = node * slots + slot;
        var cores = _used.GetValueOrDefault(cell) / slotSeconds[slot];
        return (price[cell], warmth[cell] + (KelvinPerForcedCore * cores), node);
    }

    private PriorityQueue<int, (double Price, double Score, int Node)> Build(int slot)
    {
        var items = new List<(int, (double, double, int))>();
        for (var node = 0; node < nodes; node++)
        {
            var cell = node * slots + slot;
            if (spare[cell] > Eps && double.IsFinite(price[cell]))
            {
                items.Add((node, Key(node, slot)));
            }
        }

        return new PriorityQueue<int, (double, double, int)>(items);
    }
}
