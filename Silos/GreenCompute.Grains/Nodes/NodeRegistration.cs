using GreenCompute.Core.Model;
using GreenCompute.Core.Thermal;

namespace GreenCompute.Grains.Nodes;

/// <summary>What pairing tells a node grain: where the heater is, what it can do, and the room's comfort schedule.</summary>
public sealed record NodeRegistration(
    string NodeId,
    string SiteId,
    string RoomId,
    string RoomName,
    HeaterSpec Heater,
    ComfortScheduleDefinition Comfort,
    RoomThermalModel PriorModel);
