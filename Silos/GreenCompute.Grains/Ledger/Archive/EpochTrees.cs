using System.Globalization;
using System.Numerics;
using System.Text.Json;
using GreenCompute.Contracts.Ledger;
using GreenCompute.Contracts.Payouts;
using GreenCompute.Core.Ledger;
using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Merkle;

namespace GreenCompute.Grains.Ledger.Archive;

/// <summary>
/// Builds an epoch's two Merkle trees with the leaf encodings of Contracts/README.md: receipts leaves in node-id
/// order, nodeId = keccak256(UTF-8 node id); payouts leaves in account order, cumulative amount in token base units
/// (µEUR × <c>tokenUnitsPerMicroEuro</c>).
/// </summary>
public static class EpochTrees
{
    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web);

    /// <summary>The bytes32 a node id maps to on chain.</summary>
    public static byte[] NodeKey(string nodeId) => Keccak256.HashUtf8(nodeId);

    public static EpochArchive Build(EpochStatement statement, BigInteger tokenUnitsPerMicroEuro)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (statement.Contributions.Count == 0 || statement.Payouts.Count == 0)
        {
            throw new ArgumentException($"Epoch {statement.Epoch} has no receipts: nothing to commit.", nameof(statement));
        }

        var receipts = statement.Contributions.Select(c => Receipt(statement.Epoch, c)).ToList();
        var payouts = statement.Payouts.Select(p => Payout(p, tokenUnitsPerMicroEuro)).ToList();
        var t = statement.Totals;
        var totals = new EpochTotals(t.EnergyWh, t.UsefulHeatWh, t.CoreSeconds, t.Tasks, (uint)t.Nodes, t.Payout.Value * tokenUnitsPerMicroEuro);
        return new EpochArchive(
            statement.Epoch,
            statement.Start,
            statement.End,
            HexConverter.ToHex(Root(receipts.Select(r => r.Leaf))),
            HexConverter.ToHex(Root(payouts.Select(p => p.Leaf))),
            CommitTotals.From(totals),
            receipts,
            payouts);
    }

    /// <summary>The tree over stored leaves (0x-hex), for roots and proofs.</summary>
    public static MerkleTree Tree(IEnumerable<string> leaves) => MerkleTree.Build([.. leaves.Select(HexConverter.FromHex)]);

    private static byte[] Root(IEnumerable<string> leaves) => Tree(leaves).Root;

    private static ArchivedReceipt Receipt(long epoch, NodeContribution c)
    {
        var details = JsonSerializer.Serialize(
            new ReceiptDetails(epoch, c.NodeId, c.Device, c.PayoutAccount, c.EnergyWh, c.UsefulHeatWh, c.CoreSeconds, c.Tasks, c.Readings,
                c.Price.Value, c.Payout.Value, c.Baseline, c.Closing, c.Completions),
            DetailsJson);
        var detailsHash = Keccak256.HashUtf8(details);
        var nodeKey = NodeKey(c.NodeId);
        var leaf = new ContributionReceipt((ulong)epoch, nodeKey, Address.Parse(c.Device), c.EnergyWh, c.UsefulHeatWh, c.CoreSeconds, c.Tasks, detailsHash).LeafHash();
        return new ArchivedReceipt(
            c.NodeId, HexConverter.ToHex(nodeKey), c.Device, c.EnergyWh, c.UsefulHeatWh, c.CoreSeconds, c.Tasks,
            HexConverter.ToHex(detailsHash), details, HexConverter.ToHex(leaf));
    }

    private static ArchivedPayout Payout(HostPayout payout, BigInteger tokenUnitsPerMicroEuro)
    {
        var amount = payout.Cumulative.Value * tokenUnitsPerMicroEuro;
        var leaf = new PayoutEntitlement(Address.Parse(payout.Account), amount).LeafHash();
        return new ArchivedPayout(payout.Account, amount.ToString(CultureInfo.InvariantCulture), HexConverter.ToHex(leaf));
    }
}
