using GreenCompute.Core.Model;
using GreenCompute.Core.Units;
using GreenCompute.Simulation.Thermal;

namespace GreenCompute.Simulation.Fleet;

/// <summary>A simulated room with its heater: ids and the true parameters (for oracles and reports).</summary>
public sealed record FleetNode(
    string NodeId,
    string SiteId,
    string PriceZone,
    HeaterSpec Heater,
    RoomParameters Room,
    Watts PeakInternalGains);
