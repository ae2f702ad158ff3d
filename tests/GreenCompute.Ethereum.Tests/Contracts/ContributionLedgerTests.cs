using System.Numerics;
using GreenCompute.Contracts;
using GreenCompute.Contracts.Ledger;
using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.JsonRpc;
using GreenCompute.Ethereum.Merkle;
using GreenCompute.Ethereum.Tests.JsonRpc;
using Xunit.Abstractions;

namespace GreenCompute.Ethereum.Tests.Contracts;

public class ContributionLedgerTests(AnvilFixture anvil, ITestOutputHelper output) : IClassFixture<AnvilFixture>
{
    private static readonly EpochTotals Totals = new(EnergyWh: 12_500, UsefulHeatWh: 11_900, CoreSeconds: 86_400, Tasks: 42, Nodes: 5, PayoutAmount: 1_000_000);

    private Address Admin => AnvilFixture.AddressOf(0);

    private Address Recorder => AnvilFixture.AddressOf(1);

    [Fact]
    public async Task CommitEpoch_ByRecorder_StoredEventEmittedAndLogged()
    {
        var ledger = await DeployAsync();
        var (tree, _) = ReceiptsTree(7, 5);
        var payoutsRoot = Keccak256.HashUtf8("payouts");

        var receipt = await ledger.CommitEpochAsync(7, tree.Root, payoutsRoot, Totals);

        output.WriteLine($"commitEpoch gasUsed = {receipt.GasUsed} (first epoch of the ledger)");
        var committed = Assert.Single(ledger.DecodeEpochCommitted(receipt));
        Assert.Equal(7UL, committed.Epoch);
        Assert.Equal(tree.Root, committed.ReceiptsRoot);
        Assert.Equal(Totals, committed.Totals);
        Assert.Equal(Recorder, committed.Recorder);
        var record = await ledger.GetEpochAsync(7);
        Assert.NotNull(record);
        Assert.Equal(payoutsRoot, record.PayoutsRoot);
        Assert.Equal(Totals, record.Totals);
        Assert.Null(await ledger.GetEpochAsync(6));
        Assert.Equal(7UL, await ledger.GetLatestEpochAsync());
        var (latestEpoch, latestRoot) = await ledger.GetLatestPayoutsRootAsync();
        Assert.Equal(7UL, latestEpoch);
        Assert.Equal(payoutsRoot, latestRoot);
        var logged = Assert.Single(await ledger.GetEpochCommittedAsync(epoch: 7));
        Assert.Equal(receipt.TransactionHash, logged.Log.TransactionHash);
        Assert.Empty(await ledger.GetEpochCommittedAsync(epoch: 8));

        var next = await ledger.CommitEpochAsync(8, ReceiptsTree(8, 5).Tree.Root, Keccak256.HashUtf8("payouts 8"), Totals);

        output.WriteLine($"commitEpoch gasUsed = {next.GasUsed} (later epochs)");
        Assert.Equal([7UL, 8UL], (await ledger.GetEpochCommittedAsync()).Select(e => e.Epoch));
    }

    [Fact]
    public async Task CommitEpoch_SameEpochTwice_RevertsEpochAlreadyCommitted()
    {
        var ledger = await DeployAsync();
        await ledger.CommitEpochAsync(1, Keccak256.HashUtf8("r1"), Keccak256.HashUtf8("p1"), Totals);

        var error = await Assert.ThrowsAsync<ContractRevertedException>(() => ledger.CommitEpochAsync(1, Keccak256.HashUtf8("r2"), Keccak256.HashUtf8("p2"), Totals));

        Assert.Equal("EpochAlreadyCommitted", error.ErrorName);
        Assert.Equal(BigInteger.One, error.Reason!.Arguments[0]);
        Assert.Null(error.TransactionHash);
        Assert.Equal(Keccak256.HashUtf8("r1"), (await ledger.GetEpochAsync(1))!.ReceiptsRoot);
    }

    [Fact]
    public async Task CommitEpoch_SameEpochTwiceWithFixedGas_MinedRevertDecodedByReplay()
    {
        var ledger = await DeployAsync();
        await ledger.CommitEpochAsync(3, Keccak256.HashUtf8("r"), Keccak256.HashUtf8("p"), Totals);

        var error = await Assert.ThrowsAsync<ContractRevertedException>(() => ledger.CommitEpochAsync(3, Keccak256.HashUtf8("r"), Keccak256.HashUtf8("p"), Totals, gasLimit: 300_000));

        Assert.NotNull(error.Receipt);
        Assert.False(error.Receipt.Succeeded);
        Assert.Equal(error.Receipt.TransactionHash, error.TransactionHash);
        Assert.Equal("EpochAlreadyCommitted", error.ErrorName);
        Assert.Contains(error.TransactionHash!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitEpoch_EarlierThanLatest_RevertsEpochNotAfterLatest()
    {
        var ledger = await DeployAsync();
        await ledger.CommitEpochAsync(10, Keccak256.HashUtf8("r"), Keccak256.HashUtf8("p"), Totals);

        var error = await Assert.ThrowsAsync<ContractRevertedException>(() => ledger.CommitEpochAsync(9, Keccak256.HashUtf8("r"), Keccak256.HashUtf8("p"), Totals));

        Assert.Equal("EpochNotAfterLatest", error.ErrorName);
        Assert.Equal([9, 10], error.Reason!.Arguments.Cast<BigInteger>().Select(a => (int)a));
    }

    [Fact]
    public async Task CommitEpoch_ByNonRecorder_RevertsAccessControlUnauthorizedAccount()
    {
        var ledger = await DeployAsync();
        var outsider = anvil.Sender(4);

        var error = await Assert.ThrowsAsync<ContractRevertedException>(() => ledger.Connect(outsider).CommitEpochAsync(1, new byte[32], new byte[32], Totals));

        Assert.Equal("AccessControlUnauthorizedAccount", error.ErrorName);
        Assert.Equal(outsider.From, error.Reason!.Arguments[0]);
        Assert.Equal(AccessRoles.Recorder, error.Reason.Arguments[1]);
        Assert.False(await ledger.HasRoleAsync(AccessRoles.Recorder, outsider.From));
        Assert.True(await ledger.HasRoleAsync(AccessRoles.Recorder, Recorder));
    }

    [Fact]
    public async Task GrantRole_AdminGrantsRecorder_NewRecorderCanCommit()
    {
        var ledger = await DeployAsync();
        var second = anvil.Sender(5);

        await ledger.Connect(anvil.Sender(0)).GrantRoleAsync(AccessRoles.Recorder, second.From);
        var receipt = await ledger.Connect(second).CommitEpochAsync(1, new byte[32], new byte[32], Totals);

        Assert.Equal(second.From, Assert.Single(ledger.DecodeEpochCommitted(receipt)).Recorder);
    }

    [Fact]
    public async Task VerifyReceipt_EveryLeafOfOddTree_TrueAndTamperedLeafFalse()
    {
        var ledger = await DeployAsync();
        var (tree, receipts) = ReceiptsTree(2, 7);
        await ledger.CommitEpochAsync(2, tree.Root, new byte[32], Totals);

        for (var i = 0; i < receipts.Count; i++)
        {
            Assert.True(await ledger.VerifyReceiptAsync(2, receipts[i].LeafHash(), tree.GetProof(i)), $"receipt {i}");
        }

        var tampered = receipts[3] with { EnergyWh = receipts[3].EnergyWh + 1 };
        Assert.False(await ledger.VerifyReceiptAsync(2, tampered.LeafHash(), tree.GetProof(3)));
        Assert.False(await ledger.VerifyReceiptAsync(2, receipts[3].LeafHash(), tree.GetProof(4)));
        Assert.False(await ledger.VerifyReceiptAsync(1, receipts[3].LeafHash(), tree.GetProof(3)));
    }

    [Fact]
    public async Task ReceiptLeaf_OnChain_EqualsCSharpLeafHash()
    {
        var ledger = await DeployAsync();
        var (_, receipts) = ReceiptsTree(4, 3);

        foreach (var receipt in receipts)
        {
            Assert.Equal(receipt.LeafHash(), await ledger.ComputeReceiptLeafAsync(receipt));
        }
    }

    private Task<ContributionLedger> DeployAsync() =>
        ContributionLedger.DeployAsync(anvil.Sender(1), Admin, Recorder);

    private static (MerkleTree Tree, IReadOnlyList<ContributionReceipt> Receipts) ReceiptsTree(ulong epoch, int count)
    {
        var receipts = Enumerable.Range(0, count).Select(i => new ContributionReceipt(
            epoch,
            Keccak256.HashUtf8($"node-{i}"),
            Address.FromBytes(Keccak256.HashUtf8($"device-{i}")[..20]),
            EnergyWh: 1_000UL + (ulong)i,
            UsefulHeatWh: 950UL + (ulong)i,
            CoreSeconds: 3_600UL * (ulong)(i + 1),
            Tasks: (ulong)i,
            DetailsHash: Keccak256.HashUtf8($"signed receipt {i}"))).ToList();
        return (MerkleTree.Build([.. receipts.Select(r => r.LeafHash())]), receipts);
    }
}
