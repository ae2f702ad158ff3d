using GreenCompute.Core.Planning;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// Turns one task's tentative placement into its decision now: start, keep, pause after the next checkpoint,
/// or wait, with the reason; and books on its node what that costs in the current slot.
/// </summary>
internal sealed class RoundSettler(AssignmentRound round, RoundItem item)
{
    public void Settle(PlacementSummary placement, PlannedCapacity planned)
    {
        if (item.Remaining <= PlannedCapacity.Eps)
        {
            item.Action = item.Running ? TaskAction.Keep : TaskAction.Wait;
            item.DecidedNode = item.Node;
            item.Reason = AssignmentReasons.NothingLeft;
            if (item.Running)
            {
                round.Nodes[item.Node].Keep.Add(item.TaskId);
            }
        }
        else if (item.Running)
        {
            SettleRunning(placement, planned);
        }
        else
        {
            SettleQueued(placement);
        }

        if (item.Running)
        {
            planned.ReleaseCurrentSlot(item.Node, item.Reserved);
            item.Reserved = 0;
        }
    }

    private void SettleRunning(PlacementSummary placement, PlannedCapacity planned)
    {
        var node = round.Nodes[item.Node];
        item.DecidedNode = item.Node;
        if (placement.RunsNow)
        {
            item.Action = TaskAction.Keep;
            node.Keep.Add(item.TaskId);
            item.Reason = RunReason(placement, node.Snapshot.NodeId, starting: false);
            if (placement.ForcedNow)
            {
                node.ForcedJob ??= item.JobId;
            }

            return;
        }

        // It pauses only at its next checkpoint; until then it keeps its core at full speed: on the plan as far as
        // its reserved capacity covers it, above the plan (a higher power cap) for the rest.
        var finishing = Math.Min(item.ToCheckpoint, round.CurrentSlotSeconds);
        var held = Math.Min(finishing, item.Reserved);
        item.Reserved -= held;
        node.ExtraCores += finishing > 0 ? (finishing - held) / finishing : 0;
        planned.ReleaseCurrentSlot(item.Node, item.Reserved);
        item.Reserved = 0;
        item.Action = TaskAction.PauseAfterCheckpoint;
        node.Pause.Add(item.TaskId);
        item.Reason = AssignmentReasons.Pausing(item.ToCheckpoint, PauseWhy(placement, node));
    }

    private void SettleQueued(PlacementSummary placement)
    {
        if (placement.RunsNow)
        {
            var node = round.Nodes[placement.NodeNow];
            item.Action = TaskAction.Start;
            item.DecidedNode = placement.NodeNow;
            node.Start.Add(item.TaskId);
            item.Reason = RunReason(placement, node.Snapshot.NodeId, starting: true);
            if (placement.ForcedNow)
            {
                node.ForcedJob ??= item.JobId;
            }

            return;
        }

        item.Action = TaskAction.Wait;
        item.Reason = round.Options.PlannedHeatIsSunk ? WaitReasonSunk(placement) : WaitReasonByPrice(placement);
    }

    /// <summary>Why a queued task waits when planned heat is sunk: it took no free planned heat now, so none was usable.</summary>
    private Reason WaitReasonSunk(PlacementSummary placement)
    {
        var reasons = round.Reasons;
        if (item.Late)
        {
            return placement.FirstPlanned is { } next
                ? reasons.WaitLate(item.Deadline, next)
                : placement.PriceBlocked
                    ? reasons.WaitPriceCap(item.MaxPrice)
                    : reasons.WaitLateNoHeat(item.Deadline, round.Clock.Horizon.End - round.Now);
        }

        if (item.AtRisk)
        {
            return reasons.WaitAtRisk(item.Deadline, item.MaxPrice);
        }

        if (placement.FirstForced is { } forced)
        {
            return placement.HeatInWindow ? reasons.WaitHeatTaken(item.Deadline, forced) : reasons.WaitForcedLater(item.Deadline, forced);
        }

        if (placement.FirstPlanned is { } at)
        {
            var heat = round.Heat;
            return placement.PriceBlockedNow
                ? reasons.WaitCapNow(item.MaxPrice, at)
                : heat.HeldNow
                    ? reasons.WaitHeldNow(at)
                    : heat.Now ? reasons.WaitTakenNow(at) : reasons.WaitNoHeatNow(at);
        }

        return placement.PriceBlocked
            ? reasons.WaitPriceCap(item.MaxPrice)
            : reasons.WaitBeyondHorizon(item.Deadline, round.Clock.Horizon.End - round.Now);
    }

    /// <summary>Why a queued task waits when planned cells are ranked by price (the baseline).</summary>
    private Reason WaitReasonByPrice(PlacementSummary placement)
    {
        var reasons = round.Reasons;
        return item.AtRisk
            ? reasons.WaitAtRisk(item.Deadline, item.MaxPrice)
            : placement.FirstForced is { } forced
                ? placement.HeatInWindow ? reasons.WaitHeatTaken(item.Deadline, forced) : reasons.WaitForcedLater(item.Deadline, forced)
                : placement.FirstPlanned is { } at
                    ? placement.CapacityNow
                        ? reasons.WaitCheaper(at, placement.FirstPlannedPrice)
                        : reasons.WaitNoHeatNow(at)
                    : placement.PriceBlocked
                        ? reasons.WaitPriceCap(item.MaxPrice)
                        : reasons.WaitBeyondHorizon(item.Deadline, round.Clock.Horizon.End - round.Now);
    }

    private Reason RunReason(PlacementSummary placement, string nodeId, bool starting) =>
        item.Late
            ? round.Reasons.RunningLate(item.JobId, item.Deadline)
            : item.AtRisk
                ? placement.ForcedNow
                    ? AssignmentReasons.ForcedLate(item.JobId, item.Deadline, item.Shortfall, round.Now)
                    : AssignmentReasons.AtRiskOnPlannedHeat(item.JobId, item.Deadline, item.Shortfall, round.Now)
                : placement.ForcedNow
                    ? round.Reasons.Forced(item.JobId, item.Deadline)
                    : starting ? round.Reasons.Starting(nodeId) : round.Reasons.Running(nodeId);

    private string PauseWhy(PlacementSummary placement, RoundNode node)
    {
        if (!placement.OwnOffered)
        {
            return $"no heat planned for it on node {node.Snapshot.NodeId} now ({node.SlotReason?.Text ?? "no plan"})";
        }

        if (placement.PriceBlocked && round.PriceNow(item.Node) > item.MaxPrice)
        {
            return "the price now is above the job's cap";
        }

        return placement.FirstForced is { } forced
            ? $"will run without heat demand from {AssignmentReasons.When(forced, round.Now)}"
            : placement.FirstPlanned is { } at && !round.Options.PlannedHeatIsSunk
                ? $"cheaper capacity planned at {AssignmentReasons.When(at, round.Now)}"
                : "no capacity for it now";
    }
}
