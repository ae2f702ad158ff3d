using System.Buffers;
using GreenCompute.Core.Ledger;

namespace GreenCompute.Grains.Messaging;

/// <summary>
/// Shape checks of signed receipts. Whether the signature recovers to the node's paired device, and the sequence, time
/// and counter checks against the node's previous receipts, are the ledger grain's (it holds the pairing and history).
/// </summary>
public static partial class PayloadValidator
{
    /// <summary>A year of 4,096 cores, in core-seconds: far above any one task.</summary>
    public const ulong MaxReceiptCoreSeconds = 4096UL * 366 * 86_400;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static Validated<SignedReceipt> Receipt(ReceiptPayload? p, string topicNodeId)
    {
        if (p is null)
        {
            return Validated<SignedReceipt>.Fail(PayloadRejection.MalformedJson, "payload is JSON null");
        }

        var problem = SchemaOf(p.V)
            ?? KeyOf(p.NodeId, topicNodeId, "nodeId")
            ?? Required(p.Receipt, "receipt")
            ?? (p.Receipt is ReceiptPayload.MeterReading or ReceiptPayload.TaskCompletion
                ? null
                : new PayloadRejection(PayloadRejection.OutOfRange, $"receipt '{p.Receipt}' is neither '{ReceiptPayload.MeterReading}' nor '{ReceiptPayload.TaskCompletion}'"))
            ?? Required(p.Sequence, "sequence")
            ?? (p.Sequence > 0 ? null : new PayloadRejection(PayloadRejection.OutOfRange, "sequence must be at least 1"))
            ?? ReceiptTime(p.Time)
            ?? Hex(p.Device, "device", 40)
            ?? Hex(p.Signature, "signature", 130)
            ?? (p.Receipt == ReceiptPayload.MeterReading ? ReadingProblem(p) : CompletionProblem(p));
        if (problem is not null)
        {
            return new Validated<SignedReceipt>(null, problem);
        }

        return Validated<SignedReceipt>.Ok(p.Receipt == ReceiptPayload.MeterReading
            ? new SignedReceipt(new SignedMeterReading(new MeterReading(topicNodeId, p.Sequence!.Value, p.Time!.Value, p.CounterWh!.Value, p.RoomWantedHeat!.Value), p.Signature!), null)
            : new SignedReceipt(null, new SignedTaskCompletion(
                new TaskCompletion(topicNodeId, p.Sequence!.Value, p.Time!.Value, p.JobId!, p.TaskId!, p.CoreSeconds!.Value, p.OutputHash!), p.Signature!)));
    }

    private static PayloadRejection? ReadingProblem(ReceiptPayload p) =>
        Range(p.CounterWh, "counterWh", 0, 1e15, " Wh")
            ?? Required(p.RoomWantedHeat, "roomWantedHeat");

    private static PayloadRejection? CompletionProblem(ReceiptPayload p) =>
        Id(p.JobId, "jobId")
            ?? Id(p.TaskId, "taskId")
            ?? Range(p.CoreSeconds, "coreSeconds", 1, MaxReceiptCoreSeconds, " core-s")
            ?? Hex(p.OutputHash, "outputHash", 64);

    // The signed EIP-712 time is a uint64 of whole Unix seconds.
    private static PayloadRejection? ReceiptTime(DateTimeOffset? time) =>
        Required(time, "time")
            ?? (time!.Value.ToUnixTimeSeconds() >= 0 && time.Value.UtcTicks % TimeSpan.TicksPerSecond == 0
                ? null
                : new PayloadRejection(PayloadRejection.OutOfRange, $"time {time.Value:O} is not a whole second after 1970"));

    private static PayloadRejection? Hex(string? text, string field, int digits) =>
        text is null
            ? Missing(field)
            : text.Length == digits + 2 && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && !text.AsSpan(2).ContainsAnyExcept(HexDigits)
                ? null
                : new PayloadRejection(PayloadRejection.OutOfRange, $"{field} must be 0x + {digits} hex digits");
}
