namespace GreenCompute.Grains.Messaging;

/// <summary>
/// gc/v1/nodes/{nodeId}/commands (QoS 1), schema 1: the power cap in W, the mode (camelCase <c>HeaterMode</c>), tasks to
/// start or resume, to pause at their next checkpoint and to cancel, the reason, and the comfort band the device's guard holds.
/// </summary>
public sealed record CommandPayload(
    int V,
    string? NodeId,
    DateTimeOffset? IssuedAt,
    double? PowerCapWatts,
    string? Mode,
    IReadOnlyList<TaskStartPayload>? Start,
    IReadOnlyList<string>? PauseAtCheckpoint,
    IReadOnlyList<string>? Cancel,
    string? Reason,
    double? BandMinCelsius,
    double? BandMaxCelsius);
