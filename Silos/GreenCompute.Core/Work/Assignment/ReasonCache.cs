using GreenCompute.Core.Planning;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// Reasons shared by many tasks of a round (same slot, price, deadline or node) are formatted once: with a
/// hundred thousand queued tasks, formatting would otherwise dominate the round.
/// </summary>
internal sealed class ReasonCache(DateTimeOffset now)
{
    private readonly Dictionary<(int Kind, long A, double B, string? S), Reason> _cache = [];
    private (int, long, double, string?) _pending;

    public Reason WaitCheaper(DateTimeOffset at, double price) =>
        Find((1, at.UtcTicks, price, null), out var r) ? r : Add(AssignmentReasons.WaitCheaper(at, price, now));

    public Reason WaitNoHeatNow(DateTimeOffset at) =>
        Find((2, at.UtcTicks, 0, null), out var r) ? r : Add(AssignmentReasons.WaitNoHeatNow(at, now));

    public Reason WaitForcedLater(DateTimeOffset deadline, DateTimeOffset from) =>
        Find((3, deadline.UtcTicks, from.UtcTicks, null), out var r) ? r : Add(AssignmentReasons.WaitForcedLater(deadline, from, now));

    public Reason WaitAtRisk(DateTimeOffset deadline, double cap) =>
        Find((4, deadline.UtcTicks, cap, null), out var r) ? r : Add(AssignmentReasons.WaitAtRisk(deadline, cap, now));

    public Reason WaitPriceCap(double cap) =>
        Find((5, 0, cap, null), out var r) ? r : Add(AssignmentReasons.WaitPriceCap(cap));

    public Reason WaitBeyondHorizon(DateTimeOffset deadline, TimeSpan horizon) =>
        Find((6, deadline.UtcTicks, horizon.Ticks, null), out var r) ? r : Add(AssignmentReasons.WaitBeyondHorizon(horizon, deadline, now));

    public Reason Starting(string node) =>
        Find((7, 0, 0, node), out var r) ? r : Add(AssignmentReasons.Starting(node));

    public Reason Running(string node) =>
        Find((8, 0, 0, node), out var r) ? r : Add(AssignmentReasons.Running(node));

    public Reason Forced(string job, DateTimeOffset deadline) =>
        Find((9, deadline.UtcTicks, 0, job), out var r) ? r : Add(AssignmentReasons.Forced(job, deadline, now));

    public Reason WaitHeatTaken(DateTimeOffset deadline, DateTimeOffset from) =>
        Find((10, deadline.UtcTicks, from.UtcTicks, null), out var r) ? r : Add(AssignmentReasons.WaitHeatTaken(deadline, from, now));

    public Reason WaitTakenNow(DateTimeOffset at) =>
        Find((11, at.UtcTicks, 0, null), out var r) ? r : Add(AssignmentReasons.WaitTakenNow(at, now));

    public Reason WaitHeldNow(DateTimeOffset at) =>
        Find((12, at.UtcTicks, 0, null), out var r) ? r : Add(AssignmentReasons.WaitHeldNow(at, now));

    public Reason WaitCapNow(double cap, DateTimeOffset at) =>
        Find((13, at.UtcTicks, cap, null), out var r) ? r : Add(AssignmentReasons.WaitCapNow(cap, at, now));

    public Reason WaitLate(DateTimeOffset deadline, DateTimeOffset at) =>
        Find((14, deadline.UtcTicks, at.UtcTicks, null), out var r) ? r : Add(AssignmentReasons.WaitLate(deadline, at, now));

    public Reason WaitLateNoHeat(DateTimeOffset deadline, TimeSpan horizon) =>
        Find((15, deadline.UtcTicks, horizon.Ticks, null), out var r) ? r : Add(AssignmentReasons.WaitLateNoHeat(horizon, deadline, now));

    public Reason RunningLate(string job, DateTimeOffset deadline) =>
        Find((16, deadline.UtcTicks, 0, job), out var r) ? r : Add(AssignmentReasons.RunningLate(job, deadline, now));

    private bool Find((int, long, double, string?) key, out Reason reason)
    {
        _pending = key;
        return _cache.TryGetValue(key, out reason!);
    }

    private Reason Add(Reason reason)
    {
        _cache[_pending] = reason;
        return reason;
    }
}
