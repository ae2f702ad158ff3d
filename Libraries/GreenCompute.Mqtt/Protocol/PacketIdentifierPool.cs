namespace GreenCompute.Mqtt.Protocol;

/// <summary>
/// Packet identifiers 1..65535 in use by one session side. Allocation continues after the last one handed out, so
/// identifiers are not reused at once (a late acknowledgement cannot hit a new message). Not thread-safe.
/// </summary>
internal sealed class PacketIdentifierPool
{
    private readonly ulong[] _used = new ulong[65536 / 64];
    private ushort _last;
    private int _count;

    public int Count => _count;

    /// <summary>The next free identifier, or 0 when all 65,535 are in use.</summary>
    public ushort Allocate()
    {
        if (_count == ushort.MaxValue)
        {
            return 0;
        }

        var id = _last;
        do
        {
            id = id == ushort.MaxValue ? (ushort)1 : (ushort)(id + 1);
        }
        while (IsUsed(id));

        _used[id >> 6] |= 1UL << (id & 63);
        _count++;
        _last = id;
        return id;
    }

    /// <summary>Marks an identifier the peer chose or a resumed session still holds.</summary>
    public bool Reserve(ushort id)
    {
        if (id == 0 || IsUsed(id))
        {
            return false;
        }

        _used[id >> 6] |= 1UL << (id & 63);
        _count++;
        return true;
    }

    public void Release(ushort id)
    {
        if (id != 0 && IsUsed(id))
        {
            _used[id >> 6] &= ~(1UL << (id & 63));
            _count--;
        }
    }

    public bool IsUsed(ushort id) => (_used[id >> 6] & (1UL << (id & 63))) != 0;
}
