namespace GreenCompute.EdgeAgent.Receipts;

/// <summary>
/// A signed energy receipt on gc/v1/nodes/{nodeId}/events, schema 1: <see cref="Kind"/> "meterReading" (energy counter
/// in whole Wh, whether the room wanted heat) or "taskCompletion" (job, task, whole core-seconds, output hash), with the
/// device's EIP-712 signature (0x r‖s‖v). Lives here until the payloads move to a shared contract project.
/// </summary>
internal sealed record ReceiptPayload(
    int V,
    string NodeId,
    string Kind,
    ulong Sequence,
    DateTimeOffset Time,
    string Device,
    string Signature,
    ulong? CounterWh = null,
    bool? RoomWantedHeat = null,
    string? JobId = null,
    string? TaskId = null,
    ulong? CoreSeconds = null,
    string? OutputHash = null);
