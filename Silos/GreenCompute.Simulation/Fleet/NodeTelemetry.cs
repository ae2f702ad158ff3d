using GreenCompute.Core.Units;
using GreenCompute.Simulation.Devices;

namespace GreenCompute.Simulation.Fleet;

/// <summary>
/// What a simulated node reports, like the edge agent's telemetry: time, sequence number, room air temperature,
/// power, monotonic energy counter, CPU use (filler included) and the tasks on it.
/// </summary>
public sealed record NodeTelemetry(
    string NodeId,
    string SiteId,
    DateTimeOffset Time,
    long Sequence,
    Celsius RoomTemperature,
    Watts Power,
    Watts PowerCap,
    WattHours EnergyCounter,
    CoreSeconds WorkCounter,
    double CpuUtilisation,
    double TaskUtilisation,
    IReadOnlyList<string> RunningTaskIds,
    IReadOnlyList<string> PausedTaskIds,
    HeaterState State);
