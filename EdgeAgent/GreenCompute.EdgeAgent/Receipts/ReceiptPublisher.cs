using System.Security.Cryptography;
using GreenCompute.Core.Ledger;
using GreenCompute.EdgeAgent.Outbox;
using GreenCompute.EdgeAgent.State;
using GreenCompute.Grains.Ledger.Receipts;
using GreenCompute.Grains.Messaging;

namespace GreenCompute.EdgeAgent.Receipts;

/// <summary>
/// Signs meter readings and task completions with the device key (EIP-712, <see cref="ReceiptSigner"/>) and puts them
/// in the outbox for gc/v1/nodes/{id}/events. The receipt sequence is durable, shared by both kinds, never repeated.
/// </summary>
internal sealed class ReceiptPublisher(ReceiptSigner signer, string nodeId, AgentDatabase database, EventOutbox outbox)
{
    public const string SequenceCounter = "receipt-sequence";

    public string Device => signer.Device.ToString();

    public void MeterReading(DateTimeOffset time, double energyWh, bool roomWantedHeat)
    {
        var reading = new MeterReading(nodeId, (ulong)database.Next(SequenceCounter), WholeSeconds(time), (ulong)Math.Floor(energyWh), roomWantedHeat);
        Add(PayloadMapper.ToPayload(signer.Sign(reading), Device));
    }

    /// <summary><paramref name="outputSha256"/> is the output's SHA-256 as 64 hex digits.</summary>
    public void TaskCompleted(DateTimeOffset time, string jobId, string taskId, double coreSeconds, string outputSha256)
    {
        var completion = new TaskCompletion(nodeId, (ulong)database.Next(SequenceCounter), WholeSeconds(time), jobId, taskId,
            (ulong)Math.Max(1, Math.Round(coreSeconds)), "0x" + outputSha256);
        Add(PayloadMapper.ToPayload(signer.Sign(completion), Device));
    }

    private void Add(ReceiptPayload payload) =>
        outbox.Add(Topics.Events(nodeId), PayloadCodec.Write(payload, PayloadJsonContext.Default.ReceiptPayload), payload.Time!.Value);

    // Receipts carry whole Unix seconds (the EIP-712 type's uint64 time).
    private static DateTimeOffset WholeSeconds(DateTimeOffset t) => DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds());

    internal static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
