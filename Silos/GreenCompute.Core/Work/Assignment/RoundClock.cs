using GreenCompute.Core.Planning;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// The round's slots as seconds from now: slot 0 is the rest of the current slot, the last one ends with the
/// horizon. Placement works in these doubles; only results become <see cref="DateTimeOffset"/>s again.
/// </summary>
internal sealed class RoundClock
{
    private readonly double _offsetInFirst;
    private readonly double _slotLength;

    public RoundClock(DateTimeOffset now, PlanningHorizon horizon)
    {
        Now = now;
        Horizon = horizon;
        First = horizon.SlotOf(now);
        if (First < 0)
        {
            throw new ArgumentException($"now ({now:O}) is outside the planning horizon", nameof(now));
        }

        Count = horizon.SlotCount - First;
        _slotLength = horizon.SlotLength.TotalSeconds;
        _offsetInFirst = (now - horizon.SlotStart(First)).TotalSeconds;
        Begin = new double[Count];
        End = new double[Count];
        Length = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            End[i] = (i + 1) * _slotLength - _offsetInFirst;
            Begin[i] = i == 0 ? 0 : End[i] - _slotLength;
            Length[i] = End[i] - Begin[i];
        }
    }

    public DateTimeOffset Now { get; }

    public PlanningHorizon Horizon { get; }

    /// <summary>The horizon's index of the current slot.</summary>
    public int First { get; }

    /// <summary>Slots from the current one to the horizon's end.</summary>
    public int Count { get; }

    /// <summary>Seconds from now to where each slot's usable time begins (0 for the current slot).</summary>
    public double[] Begin { get; }

    public double[] End { get; }

    public double[] Length { get; }

    public double HorizonEnd => End[Count - 1];

    public double SecondsFromNow(DateTimeOffset time) => (time - Now).TotalSeconds;

    public DateTimeOffset At(double secondsFromNow) => Now.AddTicks((long)Math.Round(secondsFromNow * TimeSpan.TicksPerSecond));

    /// <summary>The number of slots that begin before <paramref name="deadline"/> (seconds from now).</summary>
    public int WindowEnd(double deadline)
    {
        if (deadline <= 0)
        {
            return 0;
        }

        if (deadline >= HorizonEnd)
        {
            return Count;
        }

        var since = deadline + _offsetInFirst;
        var slot = (int)(since / _slotLength);
        return Math.Min(Count, slot + (since > slot * _slotLength ? 1 : 0));
    }

    /// <summary>Seconds of one core a task can use in the slot before its deadline (seconds from now).</summary>
    public double Room(int slot, double deadline) => Math.Max(0, Math.Min(End[slot], deadline) - Begin[slot]);
}
