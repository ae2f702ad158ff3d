using System.Diagnostics;
using System.Numerics;
using GreenCompute.Contracts.Payouts;
using GreenCompute.Core.Ledger;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Merkle;
using GreenCompute.Grains.Ledger.Archive;
using GreenCompute.Grains.Ledger.Chain;
using GreenCompute.Silo.Tests.Ledger;

namespace GreenCompute.Bench.Ledger;

/// <summary>
/// Gas on a private anvil (the silo tests' <see cref="LedgerChain"/>: ledger, GreenCredit and a funded distributor):
/// epochs are committed by the production <see cref="JsonRpcChainCommitter"/> as the recorder, and claims are sent by
/// a relayer account for the host, so the host needs no gas of its own.
/// </summary>
internal static class ChainGas
{
    private const int RelayerAccount = 2;

    /// <summary>LedgerOptions' default: one GCR (18 decimals) per euro.</summary>
    private static readonly BigInteger TokenUnitsPerMicroEuro = BigInteger.Pow(10, 12);

    /// <returns>The ledger's very first commit (a 10-node epoch), then one row per fleet size.</returns>
    public static async Task<(ulong OpeningCommit, IReadOnlyList<FleetGas> Fleets)> MeasureAsync(IReadOnlyList<int> fleetSizes, DateTimeOffset start)
    {
        await using var chain = await LedgerChain.StartAsync();
        var committer = chain.Committer();
        var relayer = chain.Distributor.Connect(chain.Sender(RelayerAccount));
        var epoch = EpochClock.Hourly.EpochOf(start);
        var (opening, _, _) = await CommitAsync(chain, committer, BenchEpochs.Hour(10, epoch++, 1));
        var fleets = new List<FleetGas>();
        foreach (var nodes in fleetSizes)
        {
            var (firstCommit, firstTrees, first) = await CommitAsync(chain, committer, BenchEpochs.Hour(nodes, epoch, 1));
            await CheckReceiptOnChainAsync(chain, first);
            var (firstClaim, proofLength) = await ClaimAsync(relayer, first);
            var (secondCommit, secondTrees, second) = await CommitAsync(chain, committer, BenchEpochs.Hour(nodes, epoch + 1, 2));
            var (laterClaim, _) = await ClaimAsync(relayer, second);
            fleets.Add(new FleetGas(nodes, firstCommit, secondCommit, proofLength, firstClaim, laterClaim, [firstTrees, secondTrees]));
            epoch += 2;
        }

        return (opening, fleets);
    }

    private static async Task<(ulong Gas, double TreesMilliseconds, EpochArchive Archive)> CommitAsync(LedgerChain chain, JsonRpcChainCommitter committer, EpochStatement statement)
    {
        var clock = Stopwatch.StartNew();
        var archive = EpochTrees.Build(statement, TokenUnitsPerMicroEuro);
        var trees = clock.Elapsed.TotalMilliseconds;
        var commit = new EpochCommit(
            (ulong)archive.Epoch, HexConverter.FromHex(archive.ReceiptsRoot), HexConverter.FromHex(archive.PayoutsRoot), archive.Totals.ToEpochTotals());
        var outcome = await committer.CommitAsync(commit, [], mayResend: true, CancellationToken.None);
        if (outcome.Status != CommitStatus.Committed || outcome.Reference is null)
        {
            throw new InvalidOperationException($"Epoch {archive.Epoch} ({statement.Contributions.Count} nodes) was not committed: {outcome.Status}, {outcome.Detail}");
        }

        var receipt = await chain.Client.GetTransactionReceiptAsync(outcome.Reference)
            ?? throw new InvalidOperationException($"No receipt for the commit of epoch {archive.Epoch} ({outcome.Reference}).");
        return (receipt.GasUsed, trees, archive);
    }

    /// <summary>The host of the first payouts leaf claims its cumulative earnings with the proof from the epoch's tree.</summary>
    private static async Task<(ulong Gas, int ProofLength)> ClaimAsync(PayoutDistributor relayer, EpochArchive archive)
    {
        var tree = EpochTrees.Tree(archive.Payouts.Select(p => p.Leaf));
        var entitlement = archive.Payouts[0].ToEntitlement();
        var proof = tree.GetProof(0);
        var receipt = await relayer.ClaimAsync(entitlement.Account, entitlement.CumulativeAmount, proof);
        if (relayer.DecodeClaimed(receipt) is not [{ Amount.Sign: > 0 } claimed] || claimed.Account != entitlement.Account)
        {
            throw new InvalidOperationException($"The claim for {entitlement.Account} in epoch {archive.Epoch} paid nothing.");
        }

        return (receipt.GasUsed, proof.Length);
    }

    /// <summary>The contract's own verifyReceipt accepts a leaf of the tree built here: the encodings match production.</summary>
    private static async Task CheckReceiptOnChainAsync(LedgerChain chain, EpochArchive archive)
    {
        var index = archive.Receipts.Count / 2;
        var tree = EpochTrees.Tree(archive.Receipts.Select(r => r.Leaf));
        var leaf = HexConverter.FromHex(archive.Receipts[index].Leaf);
        if (!MerkleTree.Verify(tree.GetProof(index), HexConverter.FromHex(archive.ReceiptsRoot), leaf)
            || !await chain.Ledger.VerifyReceiptAsync((ulong)archive.Epoch, leaf, tree.GetProof(index)))
        {
            throw new InvalidOperationException($"verifyReceipt refused receipt {index} of epoch {archive.Epoch}.");
        }
    }
}
