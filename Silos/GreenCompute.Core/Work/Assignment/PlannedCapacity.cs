namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// Free planned capacity (core-seconds that planned heat above idle can carry) per node and slot, indexed for
/// placement: one <see cref="SlotHeap"/> per slot (cheapest node first) and a <see cref="SlotTournament"/> over the
/// slots' keys. The key of a slot with free capacity is its index when planned heat is sunk (earliest slot first:
/// the heat is paid for anyway) or its cheapest price otherwise (cheapest slot first); +∞ when it has none.
/// A task takes at most one cell per slot (it runs on one core), so after taking from a slot the task excludes it;
/// <see cref="RestoreExcluded"/> puts the slot's key back for the next task.
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
    private readonly bool _earliestFirst;
    private readonly bool[] _inCurrentSlot;
    private readonly List<int> _excluded = [];

    /// <summary>Indexes <paramref name="free"/> (mutated as tasks take from it) out of <paramref name="capacity"/>;
    /// <paramref name="closedNow"/> marks nodes that may take no new work in the current slot (offline, idle dwell);
    /// <paramref name="earliestFirst"/> ranks slots by time instead of price (planned heat is sunk cost).</summary>
    public PlannedCapacity(
        int nodes, int slots, double[] free, double[] capacity, double[] slotSeconds, double[] price, bool[] closedNow, bool earliestFirst)
    {
        _slots = slots;
        _earliestFirst = earliestFirst;
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
            _tree.Set(slot, Key(slot));
        }
    }

    /// <summary>The first slot in [0, <paramref name="to"/>) still open to the current task by the ranking, or -1.</summary>
    public int Next(int to) => to <= 0 ? -1 : _tree.Min(0, to).Slot;

    /// <summary>The current slot is open to the current task: some node has free capacity in it for it.</summary>
    public bool OpenNow => double.IsFinite(_tree[0]);

    /// <summary>The price of the cheapest node with free capacity in <paramref name="slot"/>, or +∞.</summary>
    public double PriceOf(int slot) => _heaps[slot].TopPrice();

    /// <summary>
    /// Takes up to <paramref name="max"/> from the cheapest node of <paramref name="slot"/>, avoiding one node if
    /// another within <paramref name="maxPrice"/> can take it. The cell's capacity is filled core after core
    /// (McNaughton's wrap-around), so <paramref name="offset"/>, the seconds into the slot where this piece starts,
    /// is what earlier pieces used modulo the slot length.
    /// </summary>
    public int Take(int slot, int avoid, double maxPrice, double max, out double amount, out double offset)
    {
        var node = _heaps[slot].Choose(avoid, maxPrice);
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

    /// <summary>
    /// Offers the current task only a private cell in the current slot (a running task's own node), or nothing.
    /// Ranked by <paramref name="price"/> when slots are ranked by price; always first when earliest first.
    /// </summary>
    public void OfferCurrentSlot(bool offered, double price)
    {
        _tree.Set(0, !offered ? double.PositiveInfinity : _earliestFirst ? 0 : price);
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
            _tree.Set(0, Key(0));
        }
    }

    public void RestoreExcluded()
    {
        foreach (var slot in _excluded)
        {
            _tree.Set(slot, Key(slot));
        }

        _excluded.Clear();
    }

    /// <summary>A slot's rank: its index (earliest first) or its cheapest price; +∞ without usable free capacity.</summary>
    private double Key(int slot)
    {
        var price = _heaps[slot].TopPrice();
        return _earliestFirst && double.IsFinite(price) ? slot : price;
    }
}
