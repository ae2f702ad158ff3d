namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// The sort key of a round's tasks: deadline (or submission time), then running before queued, then the other
/// time, then input order. A struct key sorts without delegate calls.
/// </summary>
internal readonly record struct RoundItemOrder(long Primary, int Queued, long Secondary, int Input) : IComparable<RoundItemOrder>
{
    public static RoundItemOrder For(RoundItem item, bool earliestDeadlineFirst) => earliestDeadlineFirst
        ? new(item.Deadline.UtcTicks, item.Running ? 0 : 1, item.SubmittedAt.UtcTicks, item.Input)
        : new(item.SubmittedAt.UtcTicks, item.Running ? 0 : 1, item.Deadline.UtcTicks, item.Input);

    public int CompareTo(RoundItemOrder other)
    {
        var c = Primary.CompareTo(other.Primary);
        if (c == 0)
        {
            c = Queued.CompareTo(other.Queued);
        }

        if (c == 0)
        {
            c = Secondary.CompareTo(other.Secondary);
        }

        return c != 0 ? c : Input.CompareTo(other.Input);
    }
}
