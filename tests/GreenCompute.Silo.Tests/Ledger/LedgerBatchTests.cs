using GreenCompute.Core.Ledger;
using GreenCompute.Ethereum.Signing;
using GreenCompute.Grains.Ledger.Chain;
using GreenCompute.Grains.Ledger.Receipts;

namespace GreenCompute.Silo.Tests.Ledger;

/// <summary>The ledger's batch calls (a whole fleet's pairing, a round's readings) decide exactly as one call per item does, and keep it across a restart.</summary>
public class LedgerBatchTests
{
    private static readonly DateTimeOffset T = LedgerHost.Start;

    [Fact]
    public async Task PairAllAndSubmitReadings_VerdictPerItemInOrder_KeptAcrossARestart()
    {
        await using var silo = await LedgerHost.StartAsync(folder => new JournalChainCommitter(Path.Combine(folder, "epochs.jsonl"), TimeProvider.System), ReceiptDomain.Local);
        var keys = Enumerable.Range(0, 3).Select(_ => PrivateKey.Generate()).ToList();
        var payout = LedgerChain.AddressOf(2).ToString();
        var problems = await silo.Ledger.PairAll(
        [
            new NodeAccount("n1", keys[0].Address.ToString(), payout, "DE"),
            new NodeAccount("n2", keys[1].Address.ToString(), payout, "DE"),
            // A device key already paired to n1 is refused; the others are paired all the same.
            new NodeAccount("n3", keys[0].Address.ToString(), payout, "DE"),
        ]);
        Assert.Null(problems[0]);
        Assert.Null(problems[1]);
        Assert.NotNull(problems[2]);

        var n1 = new TestDevice("n1", new ReceiptSigner(keys[0], silo.Domain));
        var n2 = new TestDevice("n2", new ReceiptSigner(keys[1], silo.Domain));
        var first = n1.Reading(T, 1_000);
        var verdicts = await silo.Ledger.SubmitReadings([first, n2.Reading(T, 2_000), first]);
        Assert.True(verdicts[0].Accepted);
        Assert.True(verdicts[1].Accepted);
        Assert.Equal(ReceiptRejection.StaleSequence, verdicts[2].Rejection);

        await silo.RestartAsync();
        var status = await silo.Ledger.GetStatus();
        Assert.Equal(2, status.Accepted);
        Assert.Equal(1, status.Rejections[ReceiptRejection.StaleSequence]);
        Assert.True((await silo.Ledger.SubmitReading(n2.Reading(T.AddMinutes(1), 2_010))).Accepted);
        Assert.Empty(silo.Errors);
    }
}
