namespace GreenCompute.Core.Planning;

/// <summary>
/// A planning horizon of equal slots starting at <see cref="Start"/> (default: 96 slots of 15 min = 24 h).
/// </summary>
public sealed record PlanningHorizon(DateTimeOffset Start, TimeSpan SlotLength, int SlotCount)
{
    public static readonly TimeSpan DefaultSlotLength = TimeSpan.FromMinutes(15);
    public const int DefaultSlotCount = 96;

    public static PlanningHorizon Default(DateTimeOffset start) => new(start, DefaultSlotLength, DefaultSlotCount);

    public DateTimeOffset End => Start + SlotLength * SlotCount;

    public DateTimeOffset SlotStart(int slot) => Start + SlotLength * slot;

    /// <summary>The slot that contains <paramref name="time"/>, or -1 when outside the horizon.</summary>
    public int SlotOf(DateTimeOffset time)
    {
        if (time < Start || time >= End)
        {
            return -1;
        }

        return (int)((time - Start).Ticks / SlotLength.Ticks);
    }
}
