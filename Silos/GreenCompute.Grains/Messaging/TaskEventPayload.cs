namespace GreenCompute.Grains.Messaging;

/// <summary>
/// gc/v1/nodes/{nodeId}/events (QoS 1), schema 1: one task event. <see cref="Kind"/> is a <c>TaskEventKind</c> name in
/// camelCase ("checkpointed"); <see cref="DoneCoreSeconds"/> is the task's work done so far.
/// </summary>
public sealed record TaskEventPayload(
    int V,
    string? NodeId,
    string? TaskId,
    string? Kind,
    double? DoneCoreSeconds,
    DateTimeOffset? At,
    string? Detail,
    string? OutputHash);
