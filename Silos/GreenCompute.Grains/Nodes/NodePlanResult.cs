using System.Collections.Immutable;
using GreenCompute.Core.Model;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;

namespace GreenCompute.Grains.Nodes;

/// <summary>A node's answer to a plan request: its plan (null before its first telemetry) and what the assigner needs.</summary>
public sealed record NodePlanResult(
    string NodeId,
    string SiteId,
    HeaterSpec Heater,
    bool Online,
    Celsius? RoomTemperature,
    ImmutableArray<string> RunningTasks,
    PowerPlan? Plan);
