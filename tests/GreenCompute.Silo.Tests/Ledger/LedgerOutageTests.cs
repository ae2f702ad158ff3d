namespace GreenCompute.Silo.Tests.Ledger;

public class LedgerOutageTests
{
    private static readonly DateTimeOffset T = LedgerHost.Start;

    [Fact]
    public async Task RpcOutageAndGrainRestart_EpochsWaitInOrderThenAreCommittedExactlyOnce()
    {
        await using var chain = await LedgerChain.StartAsync();
        await using var silo = await LedgerHost.StartAsync(_ => chain.Committer(), chain.Domain);
        var host = LedgerChain.AddressOf(2);
        var device = await silo.PairAsync("n1", host);
        var e0 = LedgerHost.EpochAt(T);
        await silo.RecordHourAsync(device, T, 10_000);
        await silo.CloseHourAsync(T);
        Assert.Equal(e0, (await silo.Ledger.GetStatus()).LatestCommitted);

        await chain.StopAsync();
        await silo.RecordHourAsync(device, T.AddHours(1), 11_000);
        await silo.CloseHourAsync(T.AddHours(1));
        await silo.RecordHourAsync(device, T.AddHours(2), 12_000);
        await silo.CloseHourAsync(T.AddHours(2));

        var down = await silo.Ledger.PumpOutbox();
        Assert.Equal([e0 + 1, e0 + 2], down.Outbox.Select(o => o.Epoch));
        Assert.Contains("RPC", down.Outbox[0].LastError, StringComparison.Ordinal);
        Assert.True(down.Outbox[0].Attempts >= 3, "the head is retried on every close and pump");
        Assert.Equal(0, down.Outbox[1].Attempts);
        Assert.Equal(e0, down.LatestCommitted);

        await silo.RestartAsync();
        Assert.Equal([e0 + 1, e0 + 2], (await silo.Ledger.GetStatus()).Outbox.Select(o => o.Epoch));
        await chain.RestartAsync();

        var up = await Poll.UntilAsync(silo.Ledger.PumpOutbox, s => s.Outbox.Count == 0, "the outbox to drain once anvil is back");

        Assert.Equal([e0, e0 + 1, e0 + 2], up.RecentCommits.Select(c => c.Epoch));
        Assert.Equal([(ulong)e0, (ulong)e0 + 1, (ulong)e0 + 2], (await chain.Ledger.GetEpochCommittedAsync()).Select(e => e.Epoch));
        var proof = await silo.Ledger.GetReceiptProof(e0 + 1, "n1");
        Assert.True(await chain.Ledger.VerifyReceiptAsync((ulong)e0 + 1, proof!.Leaf, proof.Proof));
        var payout = await silo.Ledger.GetPayoutProof(host.ToString());
        Assert.Equal(e0 + 2, payout!.Epoch);
        await chain.Distributor.Connect(chain.Sender(3)).ClaimAsync(payout.Entitlement.Account, payout.Entitlement.CumulativeAmount, payout.Proof);
        Assert.Equal(payout.Entitlement.CumulativeAmount, await chain.Token.GetBalanceAsync(host));
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task DeadEndpoint_EpochStaysInTheOutboxWithTheReason()
    {
        await using var chain = await LedgerChain.StartAsync();
        await chain.StopAsync();
        await using var silo = await LedgerHost.StartAsync(_ => chain.Committer(), chain.Domain);
        var device = await silo.PairAsync("n1", LedgerChain.AddressOf(2));
        await silo.RecordHourAsync(device, T, 10_000);

        await silo.CloseHourAsync(T);

        var status = await silo.Ledger.GetStatus();
        var item = Assert.Single(status.Outbox);
        Assert.Equal((LedgerHost.EpochAt(T), 1, false), (item.Epoch, item.Attempts, item.Halted));
        Assert.Empty(item.Sent);
        Assert.Contains("outbox 1", status.Summary, StringComparison.Ordinal);
        Assert.Null(status.LatestCommitted);
        Assert.Null(await silo.Ledger.GetPayoutProof(LedgerChain.AddressOf(2).ToString()));
        Assert.NotNull(await silo.Ledger.GetReceiptProof(item.Epoch, "n1"));
        Assert.Empty(silo.Errors);
    }
}
