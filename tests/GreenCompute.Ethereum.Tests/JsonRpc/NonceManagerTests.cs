using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.JsonRpc;
using GreenCompute.Ethereum.Signing;
using GreenCompute.Ethereum.Transactions;

namespace GreenCompute.Ethereum.Tests.JsonRpc;

public class NonceManagerTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SendAndWait_TwentyConcurrentSenders_ConsecutiveNoncesAllMined()
    {
        var sender = anvil.Sender(1);
        var start = await anvil.Client.GetTransactionCountAsync(sender.From);
        var to = AnvilFixture.AddressOf(2);

        var sent = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => sender.SendAsync(new TransactionRequest { To = to, Value = i + 1 }))));
        var receipts = await Task.WhenAll(sent.Select(s => anvil.Client.WaitForReceiptAsync(s.Hash, ReceiptTimeout)));

        Assert.Equal(Enumerable.Range(0, 20).Select(i => start + (ulong)i), sent.Select(s => s.Nonce).Order());
        Assert.All(receipts, r => Assert.True(r.Succeeded));
        Assert.Equal(start + 20, await anvil.Client.GetTransactionCountAsync(sender.From, BlockTag.Latest));
    }

    [Fact]
    public async Task Send_NonceUsedByAnotherProcessDuringBurst_ResyncsAndRetries()
    {
        var sender = anvil.Sender(2);
        // A slow concurrent caller holds a nonce, so the manager hands out the next ones from its local counter.
        using var slowCaller = await anvil.Nonces.ReserveAsync(sender.From);
        // Another process with the same key sends the held nonce and the next one: the local counter is now stale.
        await SendExternallyAsync(AnvilFixture.Key(2), slowCaller.Nonce);
        await SendExternallyAsync(AnvilFixture.Key(2), slowCaller.Nonce + 1);

        var sent = await sender.SendAsync(new TransactionRequest { To = AnvilFixture.AddressOf(3), Value = 7 });
        slowCaller.Complete();

        // The first attempt used slowCaller.Nonce + 1 and got "nonce too low"; the retry after the resync is mined.
        Assert.Equal(slowCaller.Nonce + 2, sent.Nonce);
        Assert.True((await anvil.Client.WaitForReceiptAsync(sent.Hash, ReceiptTimeout)).Succeeded);
        Assert.Equal(slowCaller.Nonce + 3, await anvil.Client.GetTransactionCountAsync(sender.From, BlockTag.Latest));
    }

    [Fact]
    public async Task Reserve_IdleAfterExternalSend_StartsFromChainNonce()
    {
        var sender = anvil.Sender(3);
        var first = await sender.SendAsync(new TransactionRequest { To = AnvilFixture.AddressOf(4), Value = 1 });
        await anvil.Client.WaitForReceiptAsync(first.Hash, ReceiptTimeout);
        await SendExternallyAsync(AnvilFixture.Key(3), first.Nonce + 1);

        var next = await sender.SendAsync(new TransactionRequest { To = AnvilFixture.AddressOf(4), Value = 2 });

        Assert.Equal(first.Nonce + 2, next.Nonce);
        Assert.True((await anvil.Client.WaitForReceiptAsync(next.Hash, ReceiptTimeout)).Succeeded);
    }

    [Fact]
    public async Task Send_AfterNonceLostByNode_FillsTheGap()
    {
        var sender = anvil.Sender(4);
        // Simulates a transaction the node accepted and then dropped (or a crash after marking it sent).
        var lost = await anvil.Nonces.ReserveAsync(sender.From);
        lost.Complete();

        var sent = await sender.SendAsync(new TransactionRequest { To = AnvilFixture.AddressOf(1), Value = 3 });

        Assert.Equal(lost.Nonce, sent.Nonce);
        Assert.True((await anvil.Client.WaitForReceiptAsync(sent.Hash, ReceiptTimeout)).Succeeded);
    }

    [Fact]
    public async Task Send_QueuedTransactionBehindGap_GapFilledAndBothMined()
    {
        var sender = anvil.Sender(5);
        var start = await anvil.Client.GetTransactionCountAsync(sender.From);
        // A transaction at start + 1 reaches the node while start is missing: the node queues it.
        var queued = await SendExternallyAsync(AnvilFixture.Key(5), start + 1);

        var sent = await sender.SendAsync(new TransactionRequest { To = AnvilFixture.AddressOf(1), Value = 4 });

        Assert.Equal(start, sent.Nonce);
        Assert.True((await anvil.Client.WaitForReceiptAsync(sent.Hash, ReceiptTimeout)).Succeeded);
        Assert.True((await anvil.Client.WaitForReceiptAsync(queued, ReceiptTimeout)).Succeeded);
    }

    [Fact]
    public async Task Release_WhileAnotherIsOutstanding_NonceHandedOutAgainFirst()
    {
        var account = AnvilFixture.AddressOf(0);
        var first = await anvil.Nonces.ReserveAsync(account);
        var second = await anvil.Nonces.ReserveAsync(account);
        first.Release();

        var third = await anvil.Nonces.ReserveAsync(account);
        var fourth = await anvil.Nonces.ReserveAsync(account);
        second.Release();
        fourth.Release();
        third.Release();

        Assert.Equal(first.Nonce + 1, second.Nonce);
        Assert.Equal(first.Nonce, third.Nonce);
        Assert.Equal(first.Nonce + 2, fourth.Nonce);
        using var again = await anvil.Nonces.ReserveAsync(account);
        Assert.Equal(first.Nonce, again.Nonce);
    }

    private async Task<string> SendExternallyAsync(PrivateKey key, ulong nonce)
    {
        var fees = await anvil.Client.EstimateFeesAsync();
        var signed = new DynamicFeeTransaction
        {
            ChainId = await anvil.Client.GetChainIdAsync(),
            Nonce = nonce,
            GasLimit = 21000,
            MaxFeePerGas = fees.MaxFeePerGas,
            MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
            To = Address.Parse("0x000000000000000000000000000000000000dEaD"),
            Value = 1,
        }.Sign(key);
        var hash = await anvil.Client.SendRawTransactionAsync(signed);
        return hash;
    }
}
