namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// The nodes with free planned capacity in one slot, cheapest first (ties to the lower node index), as a binary
/// min-heap. Exhausted nodes are removed lazily when they reach the top, so taking capacity is O(1) and each node
/// leaves each slot's heap at most once per release: O(log nodes).
/// </summary>
internal sealed class SlotHeap
{
    private const double Eps = PlannedCapacity.Eps;

    private readonly double[] _price;
    private readonly double[] _free;
    private readonly int _stride;
    private readonly int _slot;
    private readonly bool[]? _member;
    private int[] _items;
    private int _count;

    public SlotHeap(double[] price, double[] free, int stride, int slot, List<int> nodes, bool[]? member)
    {
        _price = price;
        _free = free;
        _stride = stride;
        _slot = slot;
        _member = member;
        _items = nodes.Count == 0 ? [] : nodes.ToArray();
        _count = _items.Length;
        if (member is not null)
        {
            foreach (var node in nodes)
            {
                member[node] = true;
            }
        }

        for (var i = _count / 2 - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    /// <summary>Price of the cheapest node with free capacity, or +∞.</summary>
    public double TopPrice()
    {
        var top = Top();
        return top < 0 ? double.PositiveInfinity : Price(top);
    }

    /// <summary>
    /// The cheapest node with free capacity; when that is <paramref name="avoid"/>, the next cheapest if any is
    /// within <paramref name="maxPrice"/>.
    /// </summary>
    public int Choose(int avoid, double maxPrice)
    {
        var top = Top();
        if (top < 0 || top != avoid)
        {
            return top;
        }

        var best = -1;
        for (var c = 1; c <= 2 && c < _count; c++)
        {
            var candidate = _items[c];
            if (Free(candidate) > Eps && Price(candidate) <= maxPrice && (best < 0 || Less(candidate, best)))
            {
                best = candidate;
            }
        }

        return best >= 0 ? best : top;
    }

    public void Push(int node)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(4, _items.Length * 2));
        }

        _items[_count] = node;
        SiftUp(_count++);
        if (_member is not null)
        {
            _member[node] = true;
        }
    }

    private int Top()
    {
        while (_count > 0 && Free(_items[0]) <= Eps)
        {
            if (_member is not null)
            {
                _member[_items[0]] = false;
            }

            _items[0] = _items[--_count];
            SiftDown(0);
        }

        return _count > 0 ? _items[0] : -1;
    }

    private double Price(int node) => _price[node * _stride + _slot];

    private double Free(int node) => _free[node * _stride + _slot];

    private bool Less(int a, int b)
    {
        var pa = Price(a);
        var pb = Price(b);
        return pa < pb || (pa == pb && a < b);
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Less(_items[i], _items[parent]))
            {
                return;
            }

            (_items[i], _items[parent]) = (_items[parent], _items[i]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = 2 * i + 1;
            if (left >= _count)
            {
                return;
            }

            var child = left + 1 < _count && Less(_items[left + 1], _items[left]) ? left + 1 : left;
            if (!Less(_items[child], _items[i]))
            {
                return;
            }

            (_items[i], _items[child]) = (_items[child], _items[i]);
            i = child;
        }
    }
}
