using GreenCompute.Core.Units;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// Tuning of the task assigner. Dwell times and the preemption margin are the hysteresis that keeps heaters
/// and tasks from flapping; the safety margin makes placements aim to finish that long before a deadline.
/// </summary>
/// <param name="MinRunDwell">A node that started computing less than this ago keeps its tasks whatever the prices.</param>
/// <param name="MinIdleDwell">A node that stopped computing less than this ago gets no new task, unless a deadline forces it.</param>
/// <param name="PreemptionMargin">
/// A running task moves only to capacity cheaper than its own slot by more than this. It matters only when
/// <paramref name="PlannedHeatIsSunk"/> is false: with sunk planned heat a running task never moves for price
/// (it stays while its node has planned heat for it now), and work above the plan is placed by its deadline
/// (latest start), not by comparing prices with where it runs. Kept for the price-ranked baseline.
/// </param>
/// <param name="DeadlineSafetyMargin">Placements aim to end this long before the deadline; inside the margin they aim at the deadline.</param>
/// <param name="Order">Which task claims capacity first.</param>
/// <param name="RecordPlacements">Return each task's tentative runs (costs memory on large queues).</param>
/// <param name="PlannedHeatIsSunk">
/// The policy (default true): the power plan fixes each node's heat, and its electricity bill, from comfort and
/// prices alone, and the heat is delivered whether tasks run or not, so work on planned capacity costs nothing
/// extra and planned capacity not used now is lost. Tasks then take planned cells earliest slot first (then
/// cheapest price, then node), and late work still rides free planned heat. False ranks planned cells by their
/// slot's price, cheapest first (work waits for cheaper planned slots later): the baseline for benchmarks.
/// The job's price cap is checked against the slot's real price either way.
/// </param>
public sealed record AssignerOptions(
    TimeSpan MinRunDwell,
    TimeSpan MinIdleDwell,
    EurPerMwh PreemptionMargin,
    TimeSpan DeadlineSafetyMargin,
    TaskOrder Order = TaskOrder.EarliestDeadlineFirst,
    bool RecordPlacements = false,
    bool PlannedHeatIsSunk = true)
{
    public static AssignerOptions Default { get; } = new(
        MinRunDwell: TimeSpan.FromMinutes(30),
        MinIdleDwell: TimeSpan.FromMinutes(15),
        PreemptionMargin: new EurPerMwh(10),
        DeadlineSafetyMargin: TimeSpan.FromMinutes(15));
}
