using System.Numerics;
using GreenCompute.Grains.Ledger.Chain;

namespace GreenCompute.Silo.Tests.Ledger;

public class LedgerChainTests
{
    private static readonly DateTimeOffset T = LedgerHost.Start;

    [Fact]
    public async Task CloseEpoch_OnAnvil_CommittedReceiptVerifiesOnChainAndTheHostClaimsWithTheStoredProof()
    {
        await using var chain = await LedgerChain.StartAsync();
        await using var silo = await LedgerHost.StartAsync(_ => chain.Committer(), chain.Domain);
        var host = LedgerChain.AddressOf(2);
        var device = await silo.PairAsync("n1", host);
        await silo.RecordHourAsync(device, T, 10_000);
        var epoch = LedgerHost.EpochAt(T);

        Assert.Equal([epoch], await silo.CloseHourAsync(T));

        var status = await silo.Ledger.GetStatus();
        Assert.False(status.Journal);
        Assert.Empty(status.Outbox);
        Assert.Equal(epoch, status.LatestCommitted);
        var record = await chain.Ledger.GetEpochAsync((ulong)epoch);
        Assert.NotNull(record);
        Assert.Equal((1_000UL, 500UL, 3_600UL, 1UL, 1U), (record.Totals.EnergyWh, record.Totals.UsefulHeatWh, record.Totals.CoreSeconds, record.Totals.Tasks, record.Totals.Nodes));
        var proof = await silo.Ledger.GetReceiptProof(epoch, "n1");
        Assert.NotNull(proof);
        Assert.Equal(proof.Leaf, await chain.Ledger.ComputeReceiptLeafAsync(proof.Receipt));
        Assert.True(await chain.Ledger.VerifyReceiptAsync((ulong)epoch, proof.Leaf, proof.Proof));
        Assert.Equal(record.ReceiptsRoot, proof.Root);
        Assert.Equal(Assert.Single(status.RecentCommits).Record.Reference, proof.Commit!.Reference);

        var payout = await silo.Ledger.GetPayoutProof(host.ToString());
        Assert.NotNull(payout);
        var expected = new BigInteger(85_000) * BigInteger.Pow(10, 12);
        Assert.Equal(expected, payout.Entitlement.CumulativeAmount);
        await chain.Distributor.Connect(chain.Sender(2)).ClaimAsync(payout.Entitlement.Account, payout.Entitlement.CumulativeAmount, payout.Proof);
        Assert.Equal(expected, await chain.Token.GetBalanceAsync(host));

        await silo.RecordHourAsync(device, T.AddHours(1), 11_000);
        await silo.CloseHourAsync(T.AddHours(1));
        var next = await silo.Ledger.GetPayoutProof(host.ToString());
        await chain.Distributor.Connect(chain.Sender(3)).ClaimAsync(next!.Entitlement.Account, next.Entitlement.CumulativeAmount, next.Proof);
        Assert.Equal(expected * 2, await chain.Token.GetBalanceAsync(host));
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task CommitAsync_EpochAlreadyLanded_IsDoneWithoutAnotherTransactionAndARevertedDuplicateCountsAsDone()
    {
        await using var chain = await LedgerChain.StartAsync();
        var committer = chain.Committer();
        var commit = new EpochCommit(7, Root(1), Root(2), new(10, 5, 60, 1, 1, 1_000));
        var first = await committer.CommitAsync(commit, [], mayResend: false, CancellationToken.None);
        Assert.Equal(CommitStatus.Committed, first.Status);
        var nonce = await chain.RecorderNonceAsync();

        var lostHash = await committer.CommitAsync(commit, [], mayResend: false, CancellationToken.None);

        Assert.Equal((CommitStatus.Committed, first.Reference), (lostHash.Status, lostHash.Reference));
        Assert.Equal(nonce, await chain.RecorderNonceAsync());
        var duplicate = await Assert.ThrowsAsync<GreenCompute.Ethereum.JsonRpc.ContractRevertedException>(
            () => chain.Ledger.Connect(chain.Sender(LedgerChain.RecorderAccount)).CommitEpochAsync(7, Root(1), Root(2), commit.Totals, gasLimit: 300_000));
        Assert.Equal("EpochAlreadyCommitted", duplicate.ErrorName);

        var afterRevert = await committer.CommitAsync(commit, [first.Reference!, duplicate.TransactionHash!], mayResend: true, CancellationToken.None);

        Assert.Equal((CommitStatus.Committed, first.Reference), (afterRevert.Status, afterRevert.Reference));
        var other = await committer.CommitAsync(commit with { ReceiptsRoot = Root(9) }, [], mayResend: false, CancellationToken.None);
        Assert.Equal(CommitStatus.Halted, other.Status);
        var older = await committer.CommitAsync(commit with { Epoch = 6 }, [], mayResend: false, CancellationToken.None);
        Assert.Equal(CommitStatus.Halted, older.Status);
        Assert.Single(await chain.Ledger.GetEpochCommittedAsync());
    }

    private static byte[] Root(byte b) => [.. Enumerable.Repeat(b, 32)];
}
