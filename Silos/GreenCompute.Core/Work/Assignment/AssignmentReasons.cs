using System.Globalization;
using GreenCompute.Core.Planning;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>The plain-words reasons of assignment decisions, in one place so they read alike.</summary>
internal static class AssignmentReasons
{
    public static Reason Running(string node) => new(ReasonCode.Computing, $"running on node {node}");

    public static Reason Starting(string node) => new(ReasonCode.Computing, $"starting on node {node}");

    public static Reason Forced(string job, DateTimeOffset deadline, DateTimeOffset now) =>
        new(ReasonCode.DeadlineForcesRun, $"deadline of job {job} at {When(deadline, now)} forces run without heat demand");

    public static Reason ForcedLate(string job, DateTimeOffset deadline, double shortSeconds, DateTimeOffset now) =>
        new(ReasonCode.DeadlineAtRisk, Invariant(
            $"deadline of job {job} at {When(deadline, now)} cannot be met ({shortSeconds / 3600:0.##} core-h short): running now without heat demand"));

    public static Reason AtRiskOnPlannedHeat(string job, DateTimeOffset deadline, double shortSeconds, DateTimeOffset now) =>
        new(ReasonCode.DeadlineAtRisk, Invariant(
            $"deadline of job {job} at {When(deadline, now)} cannot be met ({shortSeconds / 3600:0.##} core-h short): running now on planned heat"));

    public static Reason RunningLate(string job, DateTimeOffset deadline, DateTimeOffset now) =>
        new(ReasonCode.DeadlineAtRisk, $"deadline of job {job} at {When(deadline, now)} has passed: running late on planned heat");

    public static Reason Pausing(double toCheckpointSeconds, string why) =>
        new(ReasonCode.WaitingForCheckpoint, Invariant(
            $"keeps running until its checkpoint in {Math.Ceiling(toCheckpointSeconds / 60):0} min, then pauses: {why}"));

    public static Reason WaitCheaper(DateTimeOffset at, double price, DateTimeOffset now) =>
        new(ReasonCode.WaitingForCheaperSlot, Invariant($"waiting: cheaper capacity planned at {When(at, now)} ({price:0.##} EUR/MWh)"));

    public static Reason WaitNoHeatNow(DateTimeOffset at, DateTimeOffset now) =>
        new(ReasonCode.NoHeatDemandWorkWaits, $"waiting: no room wants heat now; capacity expected at {When(at, now)}");

    public static Reason WaitForcedLater(DateTimeOffset deadline, DateTimeOffset from, DateTimeOffset now) =>
        new(ReasonCode.NoHeatDemandWorkWaits,
            $"waiting: not enough heat before the deadline {When(deadline, now)}; will run without heat demand from {When(from, now)}");

    public static Reason WaitHeatTaken(DateTimeOffset deadline, DateTimeOffset from, DateTimeOffset now) =>
        new(ReasonCode.NoHeatDemandWorkWaits,
            $"waiting: all planned heat before the deadline {When(deadline, now)} is taken; will run without heat demand from {When(from, now)}");

    public static Reason WaitTakenNow(DateTimeOffset at, DateTimeOffset now) =>
        new(ReasonCode.WorkQueued,
            $"waiting: all planned heat now is taken (running work and earlier deadlines first); planned heat for it from {When(at, now)}");

    public static Reason WaitHeldNow(DateTimeOffset at, DateTimeOffset now) =>
        new(ReasonCode.HysteresisHold,
            $"waiting: the heaters with heat free now have just gone idle and hold off so they do not flap; planned heat for it from {When(at, now)}");

    public static Reason WaitCapNow(double cap, DateTimeOffset at, DateTimeOffset now) =>
        new(ReasonCode.PriceAboveJobCap, Invariant(
            $"waiting: planned heat now costs more than the job's cap of {cap:0.##} EUR/MWh; planned heat within it from {When(at, now)}"));

    public static Reason WaitLate(DateTimeOffset deadline, DateTimeOffset at, DateTimeOffset now) =>
        new(ReasonCode.DeadlineAtRisk, $"waiting: the deadline {When(deadline, now)} has passed; will run late on planned heat from {When(at, now)}");

    public static Reason WaitLateNoHeat(TimeSpan horizon, DateTimeOffset deadline, DateTimeOffset now) =>
        new(ReasonCode.DeadlineAtRisk, Invariant(
            $"waiting: the deadline {When(deadline, now)} has passed and no planned heat is free for it in the next {horizon.TotalHours:0.#} h"));

    public static Reason WaitPriceCap(double cap) =>
        new(ReasonCode.PriceAboveJobCap, Invariant($"waiting: all capacity costs more than the job's cap of {cap:0.##} EUR/MWh"));

    public static Reason WaitBeyondHorizon(TimeSpan horizon, DateTimeOffset deadline, DateTimeOffset now) =>
        new(ReasonCode.NoHeatDemandWorkWaits, Invariant(
            $"waiting: no room wants heat in the next {horizon.TotalHours:0.#} h; the deadline {When(deadline, now)} leaves time after that"));

    public static Reason WaitAtRisk(DateTimeOffset deadline, double cap, DateTimeOffset now) =>
        new(ReasonCode.DeadlineAtRisk, Invariant(
            $"waiting: the deadline {When(deadline, now)} cannot be met: no free core within the price cap of {cap:0.##} EUR/MWh"));

    public static Reason NothingLeft => new(ReasonCode.WorkCompleted, "no work left: waiting for the completion report");

    public static Reason Lost(string node, double lostSeconds) =>
        new(ReasonCode.Offline, Invariant(
            $"node {node} is offline: back to the queue from its last checkpoint ({lostSeconds:0} core-s since it are lost)"));

    public static Reason CancelRequested => new(ReasonCode.WorkCancelled, "cancelled: its job has failed or was withdrawn");

    public static Reason Duplicate(string node) => new(ReasonCode.WorkCancelled, $"cancelled: a stale copy, the task runs on another node than {node}");

    public static Reason NodeOffline => new(ReasonCode.Offline, "offline");

    public static Reason NodeForced(string job) => new(ReasonCode.DeadlineForcesRun, $"deadline of job {job} forces run without heat demand");

    public static Reason NodeComputing(int tasks, int pausing) =>
        new(ReasonCode.Computing, pausing == 0
            ? $"computing on planned heat: {Tasks(tasks)}"
            : $"computing on planned heat: {Tasks(tasks)}, {Tasks(pausing)} finishing to a checkpoint");

    public static Reason NodeFinishing(int pausing, Reason then) =>
        new(ReasonCode.WaitingForCheckpoint, $"finishing {Tasks(pausing)} to the next checkpoint, then: {then.Text}");

    public static Reason NodeHeatOnly => new(ReasonCode.NoQueuedWorkHeatOnly, "no queued work: heat-only");

    public static Reason NodeHeatOnlyWorkElsewhere =>
        new(ReasonCode.WaitingForCheaperSlot, "heat-only: queued work is placed on cheaper capacity");

    public static Reason NodeHeatOnlyAboveCaps(double price) =>
        new(ReasonCode.PriceAboveJobCap, Invariant($"heat-only: its price now ({price:0.##} EUR/MWh) is above the cap of every waiting job"));

    public static Reason NodeHeatOnlyUnusable => new(ReasonCode.NoQueuedWorkHeatOnly, "heat-only: no waiting work can use this heat now");

    public static Reason NodeIdleHold(DateTimeOffset until, DateTimeOffset now) =>
        new(ReasonCode.HysteresisHold, $"heat-only: no new work until {When(until, now)} so the heater does not flap");

    public static Reason NodeNoPlan => new(ReasonCode.SetpointReached, "no heat planned for this slot");

    public static Reason EstimateOnTime(DateTimeOffset completion, DateTimeOffset deadline, DateTimeOffset now) =>
        new(ReasonCode.Computing, $"expected to finish at {When(completion, now)}, deadline {When(deadline, now)}");

    public static Reason EstimateBeyond(DateTimeOffset horizonEnd, DateTimeOffset deadline, DateTimeOffset now) =>
        new(ReasonCode.WorkQueued, $"expected to finish after the planning horizon ({When(horizonEnd, now)}), deadline {When(deadline, now)}");

    public static Reason EstimatePassed(DateTimeOffset deadline, double leftSeconds, DateTimeOffset now) =>
        new(ReasonCode.DeadlineAtRisk, Invariant(
            $"the deadline {When(deadline, now)} has passed with {leftSeconds / 3600:0.##} core-h still to run"));

    public static Reason EstimateLate(DateTimeOffset deadline, double shortSeconds, DateTimeOffset now) =>
        new(ReasonCode.DeadlineAtRisk, Invariant(
            $"cannot meet the deadline {When(deadline, now)}: {shortSeconds / 3600:0.##} core-h more than the cores and price cap allow"));

    /// <summary>"HH:mm" when on the day of <paramref name="now"/>, else the full date.</summary>
    public static string When(DateTimeOffset time, DateTimeOffset now) =>
        time.ToOffset(now.Offset).Date == now.Date
            ? time.ToOffset(now.Offset).ToString("HH:mm", CultureInfo.InvariantCulture)
            : time.ToOffset(now.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Tasks(int count) => count == 1 ? "1 task" : Invariant($"{count} tasks");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
