using System.Collections.Immutable;
using GreenCompute.Core.Units;

namespace GreenCompute.Grains.Nodes;

/// <summary>
/// One telemetry report of a heater (DESIGN.md data flow 1): sequence number and energy counter are monotonic;
/// power is electrical power = heat into the room.
/// </summary>
public sealed record NodeTelemetry(
    string NodeId,
    DateTimeOffset Time,
    long Sequence,
    Celsius RoomTemperature,
    Watts Power,
    WattHours EnergyCounter,
    double CpuUtilisation,
    ImmutableArray<string> RunningTasks);
