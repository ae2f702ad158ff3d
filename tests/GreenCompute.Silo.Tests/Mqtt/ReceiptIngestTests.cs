using GreenCompute.Core.Ledger;
using GreenCompute.Ethereum.Signing;
using GreenCompute.Grains.Ledger;
using GreenCompute.Grains.Ledger.Receipts;
using GreenCompute.Grains.Messaging;
using GreenCompute.Silo.Tests.Grains;

namespace GreenCompute.Silo.Tests.Mqtt;

/// <summary>Signed receipts on the events topic: validated by the ingest, verified and credited by the ledger grain.</summary>
public class ReceiptIngestTests
{
    private const string OutputHash = "0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static readonly DateTimeOffset At = SiloFixture.Start.AddMinutes(10);

    private static ReceiptPayload Completion(ReceiptSigner signer, string nodeId = "n1", ulong sequence = 1, ulong coreSeconds = 120, string taskId = "job-1/t1")
    {
        var signed = signer.Sign(new TaskCompletion(nodeId, sequence, At, "job-1", taskId, coreSeconds, OutputHash));
        return new ReceiptPayload(PayloadValidator.Version, nodeId, ReceiptPayload.TaskCompletion, sequence, At, signer.Device.ToString(), signed.Signature,
            JobId: "job-1", TaskId: taskId, CoreSeconds: coreSeconds, OutputHash: OutputHash);
    }

    private static ReceiptPayload Reading(ReceiptSigner signer, ulong sequence, ulong counterWh)
    {
        var signed = signer.Sign(new MeterReading("n1", sequence, At, counterWh, true));
        return new ReceiptPayload(PayloadValidator.Version, "n1", ReceiptPayload.MeterReading, sequence, At, signer.Device.ToString(), signed.Signature,
            CounterWh: counterWh, RoomWantedHeat: true);
    }

    private static string Json(ReceiptPayload p) => PayloadCodec.WriteText(p, PayloadJsonContext.Default.ReceiptPayload);

    private static async Task<(IngestFixture Silo, ReceiptSigner Signer)> PairedAsync()
    {
        var silo = await IngestFixture.StartAsync();
        silo.Clock.AdvanceTo(At);
        var signer = new ReceiptSigner(PrivateKey.Generate(), ReceiptDomain.Local);
        Assert.Null(await Ledger(silo).Pair(new NodeAccount("n1", signer.Device.ToString(), PrivateKey.Generate().Address.ToString(), "DE")));
        return (silo, signer);
    }

    private static ILedgerGrain Ledger(IngestFixture silo) => silo.Host.GetGrain<ILedgerGrain>(LedgerGrains.LedgerKey);

    [Fact]
    public async Task Receipts_ValidReadingAndCompletion_AreCreditedByTheLedger()
    {
        var (silo, signer) = await PairedAsync();
        await using var _ = silo;
        var device = await silo.ConnectAsync("n1");

        await silo.PublishAndWaitAsync(device, Topics.Events("n1"), Json(Reading(signer, 1, 5_000)));
        await silo.PublishAndWaitAsync(device, Topics.Events("n1"), Json(Completion(signer, sequence: 2)));

        var status = await Ledger(silo).GetStatus();
        Assert.Equal(2, status.Accepted);
        Assert.Equal(0, status.Rejected);
        Assert.Equal(2, silo.Ingest.Applied);
        Assert.Equal(0, silo.Ingest.Rejected);
        Assert.Empty(silo.Log.Errors);
        Assert.Empty(silo.Errors);
    }

    [Theory]
    [InlineData("wrong-version", PayloadRejection.SchemaVersion)]
    [InlineData("other-node", PayloadRejection.TopicMismatch)]
    [InlineData("unknown-receipt", PayloadRejection.OutOfRange)]
    [InlineData("no-signature", PayloadRejection.MissingField)]
    [InlineData("short-signature", PayloadRejection.OutOfRange)]
    [InlineData("zero-core-seconds", PayloadRejection.OutOfRange)]
    [InlineData("bad-output-hash", PayloadRejection.OutOfRange)]
    [InlineData("sequence-zero", PayloadRejection.OutOfRange)]
    [InlineData("fractional-time", PayloadRejection.OutOfRange)]
    [InlineData("no-counter", PayloadRejection.MissingField)]
    [InlineData("{\"v\":1,\"receipt\":\"taskCompletion\",\"sequence\":-1}", PayloadRejection.MalformedJson)]
    public async Task Receipt_Bad_IsCountedWithReasonAndChangesNothing(string body, string code)
    {
        var (silo, signer) = await PairedAsync();
        await using var _ = silo;
        var device = await silo.ConnectAsync("n1");
        var good = Completion(signer);
        var json = body switch
        {
            "wrong-version" => Json(good with { V = 2 }),
            "other-node" => Json(good with { NodeId = "n2" }),
            "unknown-receipt" => Json(good with { Receipt = "gift" }),
            "no-signature" => Json(good with { Signature = null }),
            "short-signature" => Json(good with { Signature = "0x1234" }),
            "zero-core-seconds" => Json(good with { CoreSeconds = 0 }),
            "bad-output-hash" => Json(good with { OutputHash = "abc" }),
            "sequence-zero" => Json(good with { Sequence = 0 }),
            "fractional-time" => Json(good with { Time = At.AddMilliseconds(500) }),
            "no-counter" => Json(Reading(signer, 1, 10) with { CounterWh = null }),
            _ => body,
        };

        await silo.PublishAndWaitAsync(device, Topics.Events("n1"), json);

        Assert.Equal(1, silo.Ingest.RejectedByReason.GetValueOrDefault(code));
        Assert.Equal(1, silo.Ingest.Rejected);
        Assert.Contains(silo.Log.Warnings, w => w.Contains(code, StringComparison.Ordinal));
        var status = await Ledger(silo).GetStatus();
        Assert.Equal(0, status.Accepted);
        Assert.Equal(0, status.Rejected);
        Assert.Empty(silo.Log.Errors);

        // The good receipt with the same sequence is still taken: the bad one burnt nothing.
        await silo.PublishAndWaitAsync(device, Topics.Events("n1"), Json(good));
        Assert.Equal(1, (await Ledger(silo).GetStatus()).Accepted);
    }

    [Theory]
    [InlineData("other-key", nameof(ReceiptRejection.SignatureMismatch))]
    [InlineData("altered", nameof(ReceiptRejection.SignatureMismatch))]
    [InlineData("unpaired-node", nameof(ReceiptRejection.UnknownNode))]
    [InlineData("replay", nameof(ReceiptRejection.StaleSequence))]
    public async Task Receipt_ForgedOrReplayed_IsRefusedByTheLedgerAndCreditsNothing(string attack, string reason)
    {
        var (silo, signer) = await PairedAsync();
        await using var _ = silo;
        var device = await silo.ConnectAsync("n1");
        await silo.PublishAndWaitAsync(device, Topics.Events("n1"), Json(Completion(signer, sequence: 1, taskId: "job-1/t0")));
        var intruder = await silo.ConnectAsync("n9");
        var forger = new ReceiptSigner(PrivateKey.Generate(), ReceiptDomain.Local);
        var (client, topic, payload) = attack switch
        {
            "other-key" => (device, Topics.Events("n1"), Completion(forger, sequence: 2)),
            // Signed for 120 core-seconds, claims 1,200.
            "altered" => (device, Topics.Events("n1"), Completion(signer, sequence: 2) with { CoreSeconds = 1_200 }),
            "unpaired-node" => (intruder, Topics.Events("n9"), Completion(forger, nodeId: "n9", sequence: 2)),
            _ => (device, Topics.Events("n1"), Completion(signer, sequence: 1)),
        };

        await silo.PublishAndWaitAsync(client, topic, Json(payload));

        Assert.Equal(1, silo.Ingest.RejectedByReason.GetValueOrDefault(PayloadRejection.RejectedByGrain));
        Assert.Contains(silo.Log.Warnings, w => w.Contains(reason, StringComparison.Ordinal));
        var status = await Ledger(silo).GetStatus();
        Assert.Equal(1, status.Accepted);
        Assert.Equal(1, status.Rejections.GetValueOrDefault(Enum.Parse<ReceiptRejection>(reason)));
        Assert.Empty(silo.Log.Errors);

        // The real device's next receipt still goes in: the forgery took no sequence number.
        await silo.PublishAndWaitAsync(device, Topics.Events("n1"), Json(Completion(signer, sequence: 2)));
        Assert.Equal(2, (await Ledger(silo).GetStatus()).Accepted);
    }

    [Fact]
    public async Task TaskEventsAndReceipts_ShareTheEventsTopic_EachGoesToItsGrain()
    {
        var (silo, signer) = await PairedAsync();
        await using var _ = silo;
        var device = await silo.ConnectAsync("n1");
        var taskEvent = new TaskEventPayload(PayloadValidator.Version, "n1", "job-1/t1", "progress", 3, At, "started", null);

        await silo.PublishAndWaitAsync(device, Topics.Events("n1"), PayloadCodec.WriteText(taskEvent, PayloadJsonContext.Default.TaskEventPayload));
        await silo.PublishAndWaitAsync(device, Topics.Events("n1"), Json(Completion(signer)));

        // The task event is unknown to the scheduler but well-formed: it is applied there, not refused as a bad receipt.
        Assert.Equal(2, silo.Ingest.Applied);
        Assert.Equal(1, (await Ledger(silo).GetStatus()).Accepted);
    }

    [Fact]
    public void HasProperty_FindsOnlyTopLevelNames()
    {
        Assert.True(PayloadCodec.HasProperty("{\"v\":1,\"receipt\":\"x\"}"u8, "receipt"u8));
        Assert.False(PayloadCodec.HasProperty("{\"v\":1,\"inner\":{\"receipt\":1},\"kind\":\"receipt\"}"u8, "receipt"u8));
        Assert.False(PayloadCodec.HasProperty("{\"v\":1,"u8, "receipt"u8));
        Assert.False(PayloadCodec.HasProperty("[\"receipt\"]"u8, "receipt"u8));
    }
}
