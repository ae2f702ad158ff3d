namespace GreenCompute.Grains.Messaging;

/// <summary>Retained gc/v1/nodes/{nodeId}/status, schema 1: <see cref="State"/> is "online" or "offline" (the last will).</summary>
public sealed record StatusPayload(int V, string? NodeId, string? State, DateTimeOffset? Time, string? Reason);
