using GreenCompute.Core.Ledger;
using GreenCompute.Grains.Ledger.Receipts;

namespace GreenCompute.Silo.Tests.Ledger;

/// <summary>A paired device: signs its readings and completions with its own key and a rising sequence.</summary>
internal sealed class TestDevice(string nodeId, ReceiptSigner signer)
{
    public const string OutputHash = "0x1111111111111111111111111111111111111111111111111111111111111111";

    private ulong _sequence;

    public string NodeId => nodeId;

    public ReceiptSigner Signer => signer;

    public SignedMeterReading Reading(DateTimeOffset time, ulong counterWh, bool wanted = true) =>
        signer.Sign(new MeterReading(nodeId, ++_sequence, time, counterWh, wanted));

    public SignedTaskCompletion Completion(DateTimeOffset time, string taskId, ulong coreSeconds) =>
        signer.Sign(new TaskCompletion(nodeId, ++_sequence, time, "job-1", taskId, coreSeconds, OutputHash));
}
