namespace GreenCompute.Grains.Messaging;

/// <summary>
/// gc/v1/nodes/{nodeId}/telemetry, schema <see cref="V"/> = 1. Units are in the names: °C, W, Wh; <see cref="Cpu"/> is 0..1.
/// Fields are nullable so that a missing one is reported by <see cref="PayloadValidator"/> by name, not as a JSON error.
/// </summary>
public sealed record TelemetryPayload(
    int V,
    string? NodeId,
    DateTimeOffset? Time,
    long? Seq,
    double? RoomCelsius,
    double? BandMinCelsius,
    double? BandMaxCelsius,
    double? PowerWatts,
    double? EnergyWh,
    double? Cpu,
    IReadOnlyList<string>? RunningTasks,
    string? State);
