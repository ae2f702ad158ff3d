using System.Numerics;
using GreenCompute.Core.Ledger;
using GreenCompute.Core.Units;
using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Merkle;
using GreenCompute.Grains.Ledger.Archive;

namespace GreenCompute.Silo.Tests.Ledger;

public class EpochTreesTests
{
    private static readonly BigInteger TokenUnits = BigInteger.Pow(10, 12);

    [Fact]
    public void Build_FiveNodesThreeHosts_EveryReceiptAndPayoutProofVerifiesAgainstTheRoots()
    {
        var archive = EpochTrees.Build(Statement(), TokenUnits);

        var receiptsRoot = HexConverter.FromHex(archive.ReceiptsRoot);
        var receiptsTree = EpochTrees.Tree(archive.Receipts.Select(r => r.Leaf));
        Assert.Equal(receiptsRoot, receiptsTree.Root);
        for (var i = 0; i < archive.Receipts.Count; i++)
        {
            var stored = archive.Receipts[i];
            var leaf = stored.ToReceipt(archive.Epoch).LeafHash();
            Assert.Equal(HexConverter.FromHex(stored.Leaf), leaf);
            Assert.Equal(HexConverter.FromHex(stored.DetailsHash), Keccak256.HashUtf8(stored.Details));
            Assert.True(MerkleTree.Verify(receiptsTree.GetProof(i), receiptsRoot, leaf), $"receipt proof of {stored.NodeId}");
            var inflated = stored.ToReceipt(archive.Epoch) with { EnergyWh = stored.EnergyWh + 1 };
            Assert.False(MerkleTree.Verify(receiptsTree.GetProof(i), receiptsRoot, inflated.LeafHash()));
        }

        var payoutsRoot = HexConverter.FromHex(archive.PayoutsRoot);
        var payoutsTree = EpochTrees.Tree(archive.Payouts.Select(p => p.Leaf));
        for (var i = 0; i < archive.Payouts.Count; i++)
        {
            Assert.True(MerkleTree.Verify(payoutsTree.GetProof(i), payoutsRoot, archive.Payouts[i].ToEntitlement().LeafHash()));
        }

        Assert.Equal(["n1", "n2", "n3", "n4", "n5"], archive.Receipts.Select(r => r.NodeId));
        Assert.Equal(Keccak256.HashUtf8("n3"), HexConverter.FromHex(archive.Receipts[2].NodeKey));
        Assert.Equal(new BigInteger(3_000) * TokenUnits, archive.Payouts[0].ToEntitlement().CumulativeAmount);
        Assert.Equal((15_000UL, 5U, (BigInteger)15_000 * TokenUnits), (archive.Totals.EnergyWh, archive.Totals.Nodes, archive.Totals.ToEpochTotals().PayoutAmount));
    }

    [Fact]
    public void Build_SameStatementTwice_GivesTheSameRoots()
    {
        var first = EpochTrees.Build(Statement(), TokenUnits);
        var second = EpochTrees.Build(Statement(), TokenUnits);

        Assert.Equal((first.ReceiptsRoot, first.PayoutsRoot), (second.ReceiptsRoot, second.PayoutsRoot));
    }

    /// <summary>Five nodes of 1,000..5,000 Wh at 1 EUR/MWh (payout = energy in µEUR); hosts by node number mod 3.</summary>
    private static EpochStatement Statement()
    {
        var hosts = new[] { "0x000000000000000000000000000000000000000a", "0x000000000000000000000000000000000000000b", "0x000000000000000000000000000000000000000c" };
        var contributions = Enumerable.Range(1, 5).Select(i => new NodeContribution(
            $"n{i}", $"0x{i:x40}", hosts[i % 3], (ulong)(i * 1_000), (ulong)(i * 500), (ulong)(i * 60), 1, 2,
            new EurPerMwh(1), new MicroEuros(i * 1_000), null, null, [])).ToList();
        var payouts = hosts.Order(StringComparer.Ordinal)
            .Select(h => new HostPayout(h, contributions.Where(c => c.PayoutAccount == h).Aggregate(MicroEuros.Zero, (s, c) => s + c.Payout), MicroEuros.Zero))
            .ToList();
        var start = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
        return new EpochStatement(493_714, start, start.AddHours(1), contributions, payouts, new EpochSums(15_000, 7_500, 900, 5, 5, new MicroEuros(15_000)));
    }
}
