using GreenCompute.Core.Ledger;
using GreenCompute.Ethereum.Signing;
using GreenCompute.Grains.Ledger.Chain;
using GreenCompute.Grains.Ledger.Receipts;

namespace GreenCompute.Silo.Tests.Ledger;

public class ReceiptRulesTests
{
    private static readonly DateTimeOffset T = LedgerHost.Start;

    [Fact]
    public async Task Submit_ForgedAlteredReplayedAndUndecodable_AreRefusedWithReasonsAndCounted()
    {
        await using var silo = await StartAsync();
        var device = await silo.PairAsync("n1", LedgerChain.AddressOf(2));
        var first = device.Reading(T, 1_000);
        var task = device.Completion(T.AddMinutes(1), "t1", 600);
        await silo.AcceptAsync(first);
        await silo.AcceptAsync(task);
        var ledger = silo.Ledger;

        var forged = new ReceiptSigner(PrivateKey.Generate(), silo.Domain).Sign(new MeterReading("n1", 10, T.AddMinutes(2), 9_000, true));
        var otherChain = new ReceiptSigner(PrivateKey.Generate(), silo.Domain with { ChainId = 1 }).Sign(new MeterReading("n1", 11, T.AddMinutes(2), 1_100, true));
        var signed = device.Reading(T.AddMinutes(2), 1_100);
        var altered = signed with { Reading = signed.Reading with { CounterWh = 1_900 } };
        var signedTask = device.Completion(T.AddMinutes(3), "t2", 600);
        var alteredTask = signedTask with { Completion = signedTask.Completion with { CoreSeconds = 60_000 } };
        var undecodable = device.Reading(T.AddMinutes(4), 1_200) with { Signature = "0x1234" };

        Assert.Equal(ReceiptRejection.SignatureMismatch, (await ledger.SubmitReading(forged)).Rejection);
        Assert.Equal(ReceiptRejection.SignatureMismatch, (await ledger.SubmitReading(otherChain)).Rejection);
        var alteredVerdict = await ledger.SubmitReading(altered);
        Assert.Equal(ReceiptRejection.SignatureMismatch, alteredVerdict.Rejection);
        Assert.Contains("wrong key or altered content", alteredVerdict.Reason, StringComparison.Ordinal);
        Assert.Equal(ReceiptRejection.SignatureMismatch, (await ledger.SubmitCompletion(alteredTask)).Rejection);
        Assert.Equal(ReceiptRejection.Unverifiable, (await ledger.SubmitReading(undecodable)).Rejection);
        Assert.Equal(ReceiptRejection.StaleSequence, (await ledger.SubmitReading(first)).Rejection);
        Assert.Equal(ReceiptRejection.StaleSequence, (await ledger.SubmitCompletion(task)).Rejection);
        await silo.AcceptAsync(signed);
        await silo.AcceptAsync(signedTask);
        Assert.Equal(ReceiptRejection.StaleSequence, (await ledger.SubmitReading(signed)).Rejection);

        var status = await ledger.GetStatus();
        Assert.Equal(4, status.Accepted);
        Assert.Equal(4, status.Rejections[ReceiptRejection.SignatureMismatch]);
        Assert.Equal(3, status.Rejections[ReceiptRejection.StaleSequence]);
        Assert.Equal(1, status.Rejections[ReceiptRejection.Unverifiable]);
        Assert.Equal(8, status.Rejected);
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task Submit_RejectionCounters_SurviveARestart()
    {
        await using var silo = await StartAsync();
        var device = await silo.PairAsync("n1", LedgerChain.AddressOf(2));
        var reading = device.Reading(T, 1_000);
        await silo.AcceptAsync(reading);
        Assert.False((await silo.Ledger.SubmitReading(reading)).Accepted);

        await silo.RestartAsync();

        var status = await silo.Ledger.GetStatus();
        Assert.Equal((1L, 1L), (status.Accepted, status.Rejections[ReceiptRejection.StaleSequence]));
        Assert.Equal(ReceiptRejection.StaleSequence, (await silo.Ledger.SubmitReading(reading)).Rejection);
    }

    [Fact]
    public void Sign_ReadingAndCompletion_RecoverToTheDeviceAndNothingElse()
    {
        var key = PrivateKey.Generate();
        var domain = ReceiptDomain.Local;
        var signer = new ReceiptSigner(key, domain);
        var verifier = new ReceiptVerifier(domain);
        var reading = signer.Sign(new MeterReading("n1", 1, T, 42, true));
        var completion = signer.Sign(new TaskCompletion("n1", 2, T, "j", "t", 5, TestDevice.OutputHash));

        Assert.Equal(key.Address.ToString().ToLowerInvariant(), verifier.RecoverSigner(reading));
        Assert.Equal(key.Address.ToString().ToLowerInvariant(), verifier.RecoverSigner(completion));
        Assert.Null(verifier.RecoverSigner(reading with { Reading = reading.Reading with { Time = T.AddMilliseconds(500) } }));
        Assert.Null(verifier.RecoverSigner(completion with { Completion = completion.Completion with { OutputHash = "0xzz" } }));
        Assert.Null(verifier.RecoverSigner(reading with { Signature = "0x" + new string('f', 130) }));
    }

    private static Task<LedgerHost> StartAsync() =>
        LedgerHost.StartAsync(folder => new JournalChainCommitter(Path.Combine(folder, "epochs.jsonl"), TimeProvider.System), ReceiptDomain.Local);
}
