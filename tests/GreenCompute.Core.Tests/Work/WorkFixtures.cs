using System.Collections.Immutable;
using GreenCompute.Core.Model;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;
using GreenCompute.Core.Work.Assignment;

namespace GreenCompute.Core.Tests.Work;

/// <summary>Small hand-built fleets: hour slots, heaters of 40 W idle + 60 W per core, plans in "cores of heat".</summary>
internal static class WorkFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static readonly PlanningHorizon Hours8 = new(T0, TimeSpan.FromHours(1), 8);

    public static AssignerOptions Options { get; } = AssignerOptions.Default with
    {
        DeadlineSafetyMargin = TimeSpan.Zero,
        RecordPlacements = true,
    };

    /// <summary>The price-ranked baseline: planned cells cheapest slot first, as before planned heat was treated as sunk.</summary>
    public static AssignerOptions ByPrice { get; } = Options with { PlannedHeatIsSunk = false };

    public static HeaterSpec Heater(int cores = 1) => new(cores, new Watts(40), new Watts(40 + 60 * cores));

    public static DateTimeOffset At(double hours) => T0.AddHours(hours);

    /// <summary>A plan whose slot i carries heatCores[i] cores of work at prices[i]; missing slots: no heat at 100.</summary>
    public static PowerPlan Plan(string nodeId, HeaterSpec spec, double[] heatCores, double[] prices, PlanningHorizon? horizon = null)
    {
        var h = horizon ?? Hours8;
        var slots = ImmutableArray.CreateBuilder<PlannedSlot>(h.SlotCount);
        for (var i = 0; i < h.SlotCount; i++)
        {
            var cores = i < heatCores.Length ? heatCores[i] : 0;
            var price = i < prices.Length ? prices[i] : 100;
            var reason = cores > 0
                ? new Reason(ReasonCode.PlannedHeat, "room needs heat at the planned price")
                : new Reason(ReasonCode.SetpointReached, "setpoint reached");
            slots.Add(new PlannedSlot(spec.PowerAt(cores / spec.Cores), new Celsius(20), new EurPerMwh(price), reason));
        }

        return new PowerPlan(nodeId, h, slots.MoveToImmutable(), true, null);
    }

    public static NodeSnapshot Node(
        string id, double[] heatCores, double[] prices, int cores = 1, bool online = true,
        RunningTask[]? running = null, DateTimeOffset? changedAt = null)
    {
        var spec = Heater(cores);
        return new NodeSnapshot(id, spec, Plan(id, spec, heatCores, prices), online, [.. running ?? []], changedAt ?? T0.AddDays(-1));
    }

    public static double[] Fill(int count, double value) => Enumerable.Repeat(value, count).ToArray();

    public static QueuedTask Queued(
        string taskId, double hours, DateTimeOffset deadline, double maxPrice = 1000, DateTimeOffset? submitted = null, string? avoid = null) =>
        new(taskId, JobOf(taskId), new CoreSeconds(hours * 3600), deadline, new EurPerMwh(maxPrice), submitted ?? T0.AddHours(-1), avoid);

    public static RunningTask Running(
        string taskId, double hours, DateTimeOffset deadline, TimeSpan toCheckpoint, double maxPrice = 1000) =>
        new(taskId, JobOf(taskId), new CoreSeconds(hours * 3600), new CoreSeconds(60), toCheckpoint, deadline, new EurPerMwh(maxPrice), T0.AddHours(-2));

    public static AssignmentSnapshot Snapshot(DateTimeOffset now, NodeSnapshot[] nodes, params QueuedTask[] queue) =>
        new(now, Hours8, [.. nodes], [.. queue]);

    public static TaskDecision Task(this AssignmentResult result, string taskId) => result.Tasks.Single(t => t.TaskId == taskId);

    public static NodeDecision NodeOf(this AssignmentResult result, string nodeId) => result.Nodes.Single(n => n.NodeId == nodeId);

    public static JobEstimate JobOf(this AssignmentResult result, string jobId) => result.Jobs.Single(j => j.JobId == jobId);

    private static string JobOf(string taskId) => taskId.Split('/')[0];
}
