using GreenCompute.Simulation.Devices;
using GreenCompute.Simulation.Thermal;

namespace GreenCompute.Simulation.Fleet;

/// <summary>One room, its heater and its occupancy, plus the telemetry sequence counter.</summary>
internal sealed class SimulatedNode(FleetNode info, Room5R1C room, SimulatedHeater heater, OccupancySchedule occupancy)
{
    public FleetNode Info { get; } = info;

    public Room5R1C Room { get; } = room;

    public SimulatedHeater Heater { get; } = heater;

    public OccupancySchedule Occupancy { get; } = occupancy;

    public long Sequence { get; set; }
}
