using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Merkle;
using GreenCompute.Grains.Ledger.Chain;
using GreenCompute.Grains.Ledger.Receipts;

namespace GreenCompute.Silo.Tests.Ledger;

public class LedgerJournalTests
{
    private static readonly DateTimeOffset T = LedgerHost.Start;

    [Fact]
    public async Task CloseEpoch_NoChain_JournalsTheEpochOnceAndSaysSo()
    {
        JournalChainCommitter journal = null!;
        await using var silo = await LedgerHost.StartAsync(folder => journal = new JournalChainCommitter(Path.Combine(folder, "epochs.jsonl"), TimeProvider.System), ReceiptDomain.Local);
        var device = await silo.PairAsync("n1", LedgerChain.AddressOf(2));
        await silo.RecordHourAsync(device, T, 10_000);

        var closed = await silo.CloseHourAsync(T);

        var epoch = LedgerHost.EpochAt(T);
        Assert.Equal([epoch], closed);
        var status = await silo.Ledger.GetStatus();
        Assert.True(status.Journal);
        Assert.Contains("journaled locally", status.Summary, StringComparison.Ordinal);
        Assert.Contains(journal.Path, status.Summary, StringComparison.Ordinal);
        Assert.Empty(status.Outbox);
        var commit = Assert.Single(status.RecentCommits);
        Assert.StartsWith("journal:", commit.Record.Reference, StringComparison.Ordinal);
        var line = Assert.Single(journal.ReadAll());
        Assert.Equal((ulong)epoch, line.Epoch);
        Assert.Equal((1_000UL, 500UL, 3_600UL, 1UL, 1U), (line.EnergyWh, line.UsefulHeatWh, line.CoreSeconds, line.Tasks, line.Nodes));
        Assert.Equal("85000000000000000", line.PayoutAmount);

        var proof = await silo.Ledger.GetReceiptProof(epoch, "n1");
        Assert.NotNull(proof);
        Assert.True(MerkleTree.Verify(proof.Proof, HexConverter.FromHex(line.ReceiptsRoot), proof.Receipt.LeafHash()));
        Assert.Equal(commit.Record, proof.Commit);

        await silo.Ledger.PumpOutbox();
        await silo.RestartAsync();
        await silo.Ledger.PumpOutbox();
        Assert.Single(journal.ReadAll());
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task CloseEpochs_TornLastLine_NextEpochStartsANewLineInOrder()
    {
        JournalChainCommitter journal = null!;
        await using var silo = await LedgerHost.StartAsync(folder => journal = new JournalChainCommitter(Path.Combine(folder, "epochs.jsonl"), TimeProvider.System), ReceiptDomain.Local);
        var device = await silo.PairAsync("n1", LedgerChain.AddressOf(2));
        await silo.RecordHourAsync(device, T, 10_000);
        await silo.CloseHourAsync(T);
        await File.AppendAllTextAsync(journal.Path, "{\"epoch\":99999999,\"recei");

        await silo.RecordHourAsync(device, T.AddHours(1), 11_000);
        await silo.CloseHourAsync(T.AddHours(1));

        Assert.Equal([(ulong)LedgerHost.EpochAt(T), (ulong)LedgerHost.EpochAt(T) + 1], journal.ReadAll().Select(e => e.Epoch));
        var payout = await silo.Ledger.GetPayoutProof(LedgerChain.AddressOf(2).ToString());
        Assert.NotNull(payout);
        Assert.Equal(170_000_000_000_000_000, (long)payout.Entitlement.CumulativeAmount);
    }

    [Fact]
    public async Task Timer_EpochDue_IsClosedAndJournaledWithoutACall()
    {
        JournalChainCommitter journal = null!;
        await using var silo = await LedgerHost.StartAsync(
            folder => journal = new JournalChainCommitter(Path.Combine(folder, "epochs.jsonl"), TimeProvider.System), ReceiptDomain.Local, autoTick: true);
        var device = await silo.PairAsync("n1", LedgerChain.AddressOf(2));
        await silo.RecordHourAsync(device, T, 10_000);

        silo.Clock.AdvanceTo(T.AddHours(1).AddMinutes(3));

        var status = await Poll.UntilAsync(silo.Ledger.GetStatus, s => s.EpochsCommitted == 1, "the ledger timer to close and journal the epoch");
        Assert.Equal(LedgerHost.EpochAt(T), status.LatestCommitted);
        Assert.Single(journal.ReadAll());
        Assert.Empty(silo.Errors);
    }
}
