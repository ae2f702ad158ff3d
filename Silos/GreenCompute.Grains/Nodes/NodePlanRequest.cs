using System.Collections.Immutable;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;

namespace GreenCompute.Grains.Nodes;

/// <summary>The scheduler asks a node to plan its heat over the horizon, given its zone's prices and its site's weather.</summary>
public sealed record NodePlanRequest(PlanningHorizon Horizon, ImmutableArray<EurPerMwh> Prices, ImmutableArray<Celsius> Outdoor);
