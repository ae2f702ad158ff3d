using GreenCompute.Core.Units;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// Tuning of the task assigner. Dwell times and the preemption margin are the hysteresis that keeps heaters
/// and tasks from flapping; the safety margin makes placements aim to finish that long before a deadline.
/// </summary>
/// <param name="MinRunDwell">A node that started computing less than this ago keeps its tasks whatever the prices.</param>
/// <param name="MinIdleDwell">A node that stopped computing less than this ago gets no new task, unless a deadline forces it.</param>
/// <param name="PreemptionMargin">A running task moves only to capacity cheaper than its own slot by more than this.</param>
/// <param name="DeadlineSafetyMargin">Placements aim to end this long before the deadline.</param>
/// <param name="Order">Which task claims capacity first.</param>
/// <param name="RecordPlacements">Return each task's tentative runs (costs memory on large queues).</param>
public sealed record AssignerOptions(
    TimeSpan MinRunDwell,
    TimeSpan MinIdleDwell,
    EurPerMwh PreemptionMargin,
    TimeSpan DeadlineSafetyMargin,
    TaskOrder Order = TaskOrder.EarliestDeadlineFirst,
    bool RecordPlacements = false)
{
    public static AssignerOptions Default { get; } = new(
        MinRunDwell: TimeSpan.FromMinutes(30),
        MinIdleDwell: TimeSpan.FromMinutes(15),
        PreemptionMargin: new EurPerMwh(10),
        DeadlineSafetyMargin: TimeSpan.FromMinutes(15));
}
