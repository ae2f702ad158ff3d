namespace GreenCompute.Grains.Messaging;

/// <summary>
/// A device-signed receipt on gc/v1/nodes/{nodeId}/events (QoS 1), schema 1, beside the task events on the same topic
/// (DESIGN.md data flow 2). The property <see cref="Receipt"/> is the discriminator: a task event has no "receipt"
/// property, a receipt has no "kind" (see <see cref="PayloadCodec.HasProperty"/>). <see cref="Receipt"/> is
/// <see cref="MeterReading"/> (energy counter in whole Wh, whether the room wanted heat) or <see cref="TaskCompletion"/>
/// (job, task, whole core-seconds, 0x output hash). <see cref="Time"/> is a whole second; <see cref="Signature"/> is the
/// device's EIP-712 signature (0x r‖s‖v) over the core's <c>MeterReading</c> / <c>TaskCompletion</c>;
/// <see cref="Device"/> is the address the device says it signs with (informational: the ledger checks the signer
/// against the address registered at pairing).
/// </summary>
public sealed record ReceiptPayload(
    int V,
    string? NodeId,
    string? Receipt,
    ulong? Sequence,
    DateTimeOffset? Time,
    string? Device,
    string? Signature,
    ulong? CounterWh = null,
    bool? RoomWantedHeat = null,
    string? JobId = null,
    string? TaskId = null,
    ulong? CoreSeconds = null,
    string? OutputHash = null)
{
    /// <summary>The JSON property that marks an events-topic message as a receipt.</summary>
    public const string Discriminator = "receipt";

    public const string MeterReading = "meterReading";

    public const string TaskCompletion = "taskCompletion";
}
