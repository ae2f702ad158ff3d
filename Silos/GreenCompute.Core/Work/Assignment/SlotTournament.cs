namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// A min segment tree over the horizon's slots: each leaf holds its slot's key (the price of its cheapest free cell,
/// or its index when the earliest slot ranks first; +∞ when it has no free cell), so "the best slot with free
/// capacity before this deadline" is O(log slots). Ties go to the earlier slot.
/// </summary>
internal sealed class SlotTournament
{
    private readonly int _size;
    private readonly double[] _value;
    private readonly int[] _index;

    public SlotTournament(int count)
    {
        _size = 1;
        while (_size < count)
        {
            _size <<= 1;
        }

        _value = new double[2 * _size];
        _index = new int[2 * _size];
        Array.Fill(_value, double.PositiveInfinity);
        for (var i = 0; i < _size; i++)
        {
            _index[_size + i] = i;
        }

        for (var p = _size - 1; p >= 1; p--)
        {
            _index[p] = _index[2 * p];
        }
    }

    public double this[int slot] => _value[_size + slot];

    public void Set(int slot, double value)
    {
        var p = _size + slot;
        _value[p] = value;
        for (p >>= 1; p >= 1; p >>= 1)
        {
            var right = 2 * p + 1;
            var child = _value[right] < _value[2 * p] ? right : 2 * p;
            _value[p] = _value[child];
            _index[p] = _index[child];
        }
    }

    /// <summary>The slot of least key in [<paramref name="from"/>, <paramref name="to"/>), or -1 when all are +∞.</summary>
    public (int Slot, double Value) Min(int from, int to)
    {
        var best = -1;
        var bestValue = double.PositiveInfinity;
        for (int l = from + _size, r = to + _size; l < r; l >>= 1, r >>= 1)
        {
            if ((l & 1) == 1)
            {
                Consider(l++, ref best, ref bestValue);
            }

            if ((r & 1) == 1)
            {
                Consider(--r, ref best, ref bestValue);
            }
        }

        return (best, bestValue);
    }

    private void Consider(int p, ref int best, ref double bestValue)
    {
        var value = _value[p];
        if (value < bestValue || (value == bestValue && best >= 0 && _index[p] < best))
        {
            best = _index[p];
            bestValue = value;
        }
    }
}
