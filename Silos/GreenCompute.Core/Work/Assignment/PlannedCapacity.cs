namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// Free planned capacity (core-seconds that planned heat above idle can carry) per node and slot, indexed for
/// cheapest-first placement: one <see cref="SlotHeap"/> per slot and a <see cref="SlotTournament"/> over the
/// slots' cheapest prices. A task takes at most one cell per slot (it runs on one core), so after taking from a
/// slot the task excludes it; <see cref="RestoreExcluded"/> puts the slot's current price back for the next task.
/// Cells are [node × slots + slot], slot 0 being the current (partial) slot.
/// </summary>
internal sealed class PlannedCapacity
{
    public const double Eps = 1e-6;

    private readonly int _slots;
    private readonly double[] _free;
    private readonly double[] _capacity;
    private readonly double[] _slotSeconds;
    private readonly SlotHeap[] _heaps;
    private readonly SlotTournament _tree;
    private readonly bool[] _inCurrentSlot;
    private readonly List<int> _excluded = [];

    /// <summary>Indexes <paramref name="free"/> (mutated as tasks take from it) out of <paramref name="capacity"/>;
    /// <paramref name="closedNow"/> marks nodes that may take no new work in the current slot (offline, idle dwell).</summary>
    public PlannedCapacity(int nodes, int slots, double[] free, double[] capacity, double[] slotSeconds, double[] price, bool[] closedNow)
    {
        _slots = slots;
        _free = free;
        _capacity = capacity;
        _slotSeconds = slotSeconds;
        _heaps = new SlotHeap[slots];
        _tree = new SlotTournament(slots);
        _inCurrentSlot = new bool[nodes];
        var open = new List<int>(nodes);
        for (var slot = 0; slot < slots; slot++)
        {
            open.Clear();
            for (var node = 0; node < nodes; node++)
            {
                if (free[node * slots + slot] > Eps && (slot > 0 || !closedNow[node]))
                {
                    open.Add(node);
                }
            }

            _heaps[slot] = new SlotHeap(price, free, slots, slot, open, slot == 0 ? _inCurrentSlot : null);
            _tree.Set(slot, _heaps[slot].TopPrice());
        }
    }

    /// <summary>The cheapest slot in [0, <paramref name="to"/>) still open to the current task, or (-1, +∞).</summary>
    public (int Slot, double Price) Cheapest(int to) => to <= 0 ? (-1, double.PositiveInfinity) : _tree.Min(0, to);

    public double CurrentSlotPrice => _tree[0];

    /// <summary>
    /// Takes up to <paramref name="max"/> from the cheapest node of <paramref name="slot"/>, avoiding one node if it
    /// can. The cell's capacity is filled core after core (McNaughton's wrap-around), so <paramref name="offset"/>,
    /// the seconds into the slot where this piece starts, is what earlier pieces used modulo the slot length.
    /// </summary>
    public int Take(int slot, int avoid, double max, out double amount, out double offset)
    {
        var node = _heaps[slot].Choose(avoid);
        if (node < 0)
        {
            amount = 0;
            offset = 0;
            return -1;
        }

        var cell = node * _slots + slot;
        offset = Math.Max(0, _capacity[cell] - _free[cell]) % _slotSeconds[slot];
        amount = Math.Min(max, _free[cell]);
        _free[cell] -= amount;
        return node;
    }

    /// <summary>Closes <paramref name="slot"/> to the current task (it already runs in it).</summary>
    public void Exclude(int slot)
    {
        _tree.Set(slot, double.PositiveInfinity);
        _excluded.Add(slot);
    }

    /// <summary>Offers the current task a private cell in the current slot (a running task's own node) at a price.</summary>
    public void OfferCurrentSlot(double price)
    {
        _tree.Set(0, price);
        _excluded.Add(0);
    }

    /// <summary>Returns capacity held for a running task to its node's current slot.</summary>
    public void ReleaseCurrentSlot(int node, double amount)
    {
        if (amount <= Eps)
        {
            return;
        }

        _free[node * _slots] += amount;
        if (!_inCurrentSlot[node])
        {
            _heaps[0].Push(node);
        }

        if (!_excluded.Contains(0))
        {
            _tree.Set(0, _heaps[0].TopPrice());
        }
    }

    public void RestoreExcluded()
    {
        foreach (var slot in _excluded)
        {
            _tree.Set(slot, _heaps[slot].TopPrice());
        }

        _excluded.Clear();
    }
}
