using System.Collections.Immutable;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>Builds the round's result: node commands with power caps and reasons, task decisions, job estimates.</summary>
internal static class RoundOutcome
{
    public static AssignmentResult Build(AssignmentRound round)
    {
        // The highest price cap among tasks that wait with work left (-∞ when none waits).
        var waitingCap = double.NegativeInfinity;
        foreach (var item in round.Items)
        {
            if (item.Action == TaskAction.Wait && item.Remaining > PlannedCapacity.Eps)
            {
                waitingCap = Math.Max(waitingCap, item.MaxPrice);
            }
        }

        var anyWaiting = waitingCap > double.NegativeInfinity;
        var nodes = ImmutableArray.CreateBuilder<NodeDecision>(round.Nodes.Length);
        for (var n = 0; n < round.Nodes.Length; n++)
        {
            var node = round.Nodes[n];
            nodes.Add(new NodeDecision(
                node.Snapshot.NodeId,
                [.. node.Start],
                [.. node.Keep],
                [.. node.Pause],
                [.. node.Cancel],
                PowerCap(node),
                NodeReason(n, anyWaiting, waitingCap, round)));
        }

        var tasks = ImmutableArray.CreateBuilder<TaskDecision>(round.Early.Count + round.Items.Count);
        tasks.AddRange(round.Early);
        foreach (var item in round.Items)
        {
            tasks.Add(new TaskDecision(
                item.TaskId,
                item.JobId,
                item.Action,
                item.DecidedNode >= 0 ? round.Nodes[item.DecidedNode].Snapshot.NodeId : null,
                item.Reason!,
                item.Completion,
                item.Runs is null ? [] : [.. item.Runs]));
        }

        return new AssignmentResult(round.Now, nodes.MoveToImmutable(), tasks.MoveToImmutable(), Estimates(round));
    }

    /// <summary>The planned power, raised by one core's power for each core busy above the plan.</summary>
    private static Watts PowerCap(RoundNode node)
    {
        if (!node.Snapshot.Online)
        {
            return Watts.Zero;
        }

        if (node.ExtraCores <= PlannedCapacity.Eps)
        {
            return node.PlannedPower;
        }

        var spec = node.Snapshot.Spec;
        var cores = spec.UtilisationFor(node.PlannedPower) * spec.Cores + node.ExtraCores;
        return Watts.Max(node.PlannedPower, spec.PowerAt(cores / spec.Cores));
    }

    private static Reason NodeReason(int n, bool anyWaiting, double waitingCap, AssignmentRound round)
    {
        var node = round.Nodes[n];
        if (!node.Snapshot.Online)
        {
            return AssignmentReasons.NodeOffline;
        }

        if (node.ForcedJob is { } job)
        {
            return AssignmentReasons.NodeForced(job);
        }

        var running = node.Start.Count + node.Keep.Count;
        if (running > 0)
        {
            return AssignmentReasons.NodeComputing(running, node.Pause.Count);
        }

        var idle = IdleReason(n, anyWaiting, waitingCap, round);
        return node.Pause.Count > 0 ? AssignmentReasons.NodeFinishing(node.Pause.Count, idle) : idle;
    }

    private static Reason IdleReason(int n, bool anyWaiting, double waitingCap, AssignmentRound round)
    {
        var node = round.Nodes[n];
        if (node.PlannedNow <= PlannedCapacity.Eps)
        {
            return node.SlotReason ?? AssignmentReasons.NodeNoPlan;
        }

        if (!anyWaiting)
        {
            return AssignmentReasons.NodeHeatOnly;
        }

        if (node.IdleDwell)
        {
            return AssignmentReasons.NodeIdleHold(node.Snapshot.StateChangedAt + round.Options.MinIdleDwell, round.Now);
        }

        // With sunk planned heat, waiting work takes free planned heat now wherever its price cap allows.
        return !round.Options.PlannedHeatIsSunk
            ? AssignmentReasons.NodeHeatOnlyWorkElsewhere
            : round.PriceNow(n) > waitingCap
                ? AssignmentReasons.NodeHeatOnlyAboveCaps(round.PriceNow(n))
                : AssignmentReasons.NodeHeatOnlyUnusable;
    }

    private static ImmutableArray<JobEstimate> Estimates(AssignmentRound round)
    {
        var jobs = new Dictionary<string, (DateTimeOffset Deadline, DateTimeOffset? Completion, bool Beyond, double Short, bool Late)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var item in round.Items)
        {
            if (!jobs.TryGetValue(item.JobId, out var job))
            {
                order.Add(item.JobId);
                job = (item.Deadline, null, false, 0, false);
            }

            var completion = item.Completion is { } c && (job.Completion is not { } j || c > j) ? c : job.Completion;
            jobs[item.JobId] = (
                item.Deadline > job.Deadline ? item.Deadline : job.Deadline,
                completion,
                job.Beyond || item.Completion is null,
                job.Short + item.Shortfall,
                job.Late || item.Late);
        }

        var estimates = ImmutableArray.CreateBuilder<JobEstimate>(order.Count);
        foreach (var id in order)
        {
            var (deadline, completion, beyond, shortfall, late) = jobs[id];
            var atRisk = shortfall > PlannedCapacity.Eps;
            var reason = late
                ? AssignmentReasons.EstimatePassed(deadline, shortfall, round.Now)
                : atRisk
                    ? AssignmentReasons.EstimateLate(deadline, shortfall, round.Now)
                    : beyond || completion is null
                        ? AssignmentReasons.EstimateBeyond(round.Clock.Horizon.End, deadline, round.Now)
                        : AssignmentReasons.EstimateOnTime(completion.Value, deadline, round.Now);
            estimates.Add(new JobEstimate(id, deadline, beyond ? null : completion, atRisk, reason));
        }

        return estimates.MoveToImmutable();
    }
}
