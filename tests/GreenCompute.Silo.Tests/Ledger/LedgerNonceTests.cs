using GreenCompute.Grains.Ledger;

namespace GreenCompute.Silo.Tests.Ledger;

/// <summary>
/// Transactions that do not land at once: anvil with automine off (a slow chain), a resend while the first is still
/// pending, and a nonce gap. The commits confirm without waiting (confirm wait zero), so the outbox sees "pending".
/// A duplicate that is mined and reverts (EpochAlreadyCommitted) is covered at the committer in LedgerChainTests.
/// </summary>
public class LedgerNonceTests
{
    private static readonly DateTimeOffset T = LedgerHost.Start;

    [Fact]
    public async Task PendingCommit_GrainRestarted_IsCommittedWhenMinedWithoutASecondSend()
    {
        await using var chain = await LedgerChain.StartAsync();
        await using var silo = await LedgerHost.StartAsync(_ => chain.Committer(TimeSpan.Zero), chain.Domain);
        var device = await silo.PairAsync("n1", LedgerChain.AddressOf(2));
        await silo.RecordHourAsync(device, T, 10_000);
        var nonce = await chain.RecorderNonceAsync();
        await chain.RpcAsync("evm_setAutomine", false);

        await silo.CloseHourAsync(T);

        var sent = Assert.Single((await silo.Ledger.GetStatus()).Outbox);
        var hash = Assert.Single(sent.Sent);
        await silo.RestartAsync();
        var again = Assert.Single((await silo.Ledger.PumpOutbox()).Outbox);
        Assert.Equal([hash], again.Sent);

        await chain.RpcAsync("evm_mine");
        var done = await silo.Ledger.PumpOutbox();

        Assert.Empty(done.Outbox);
        Assert.Equal(hash, Assert.Single(done.RecentCommits).Record.Reference);
        Assert.Equal(nonce + 1, await chain.RecorderNonceAsync());
        Assert.Single(await chain.Ledger.GetEpochCommittedAsync());
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task ResendDue_WhileTheFirstIsStillPending_NoDuplicateIsSentAndTheEpochIsRecordedOnce()
    {
        await using var chain = await LedgerChain.StartAsync();
        var options = new LedgerOptions { ResendAfter = TimeSpan.FromMinutes(10) };
        await using var silo = await LedgerHost.StartAsync(_ => chain.Committer(TimeSpan.Zero), chain.Domain, options);
        var device = await silo.PairAsync("n1", LedgerChain.AddressOf(2));
        await silo.RecordHourAsync(device, T, 10_000);
        var nonce = await chain.RecorderNonceAsync();
        await chain.RpcAsync("evm_setAutomine", false);
        await silo.CloseHourAsync(T);
        var first = Assert.Single(Assert.Single((await silo.Ledger.GetStatus()).Outbox).Sent);

        silo.Clock.Advance(options.ResendAfter);
        var resend = Assert.Single((await silo.Ledger.PumpOutbox()).Outbox);

        // anvil estimates on its pending block, where the first transaction already commits the epoch.
        Assert.Equal([first], resend.Sent);
        Assert.Contains("pending", resend.LastError, StringComparison.Ordinal);
        await chain.RpcAsync("evm_mine");
        var done = await silo.Ledger.PumpOutbox();
        Assert.Empty(done.Outbox);
        Assert.Equal(first, Assert.Single(done.RecentCommits).Record.Reference);
        Assert.Equal(nonce + 1, await chain.RecorderNonceAsync());
        Assert.Single(await chain.Ledger.GetEpochCommittedAsync());
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task NonceGap_CommitQueuedBehindAMissingNonce_ResendFillsTheGapAndTheEpochIsRecordedOnce()
    {
        await using var chain = await LedgerChain.StartAsync();
        var options = new LedgerOptions { ResendAfter = TimeSpan.FromMinutes(10) };
        await using var silo = await LedgerHost.StartAsync(_ => chain.Committer(TimeSpan.Zero), chain.Domain, options);
        var device = await silo.PairAsync("n1", LedgerChain.AddressOf(2));
        await silo.RecordHourAsync(device, T, 10_000);
        var nonce = await chain.RecorderNonceAsync();

        // Another sender of the recorder's key holds nonce k and never sends it: the commit goes out as k + 1 and waits.
        var held = await chain.Nonces.ReserveAsync(LedgerChain.AddressOf(LedgerChain.RecorderAccount));
        await silo.CloseHourAsync(T);
        held.Release();
        var stuck = Assert.Single((await silo.Ledger.PumpOutbox()).Outbox);
        var gapped = Assert.Single(stuck.Sent);
        Assert.Null(await chain.Client.GetTransactionReceiptAsync(gapped));
        Assert.Equal(nonce, await chain.RecorderNonceAsync());

        silo.Clock.Advance(options.ResendAfter);
        var status = await Poll.UntilAsync(silo.Ledger.PumpOutbox, s => s.Outbox.Count == 0, "the resent commit to fill the nonce gap and land");

        Assert.NotEqual(gapped, Assert.Single(status.RecentCommits).Record.Reference);
        var late = await Poll.UntilAsync(() => chain.Client.GetTransactionReceiptAsync(gapped), r => r is not null, "the gapped transaction to be mined once the gap is filled");
        Assert.False(late!.Succeeded);
        Assert.Single(await chain.Ledger.GetEpochCommittedAsync());
        Assert.Equal(nonce + 2, await chain.RecorderNonceAsync());

        await silo.RecordHourAsync(device, T.AddHours(1), 11_000);
        await silo.CloseHourAsync(T.AddHours(1));
        Assert.Equal(2, (await Poll.UntilAsync(silo.Ledger.PumpOutbox, s => s.Outbox.Count == 0, "the next epoch to commit after the gap")).EpochsCommitted);
        Assert.Empty(silo.Errors);
    }
}
