using GreenCompute.Actors;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Merkle;

namespace GreenCompute.Grains.Ledger.Archive;

internal sealed class LedgerEpochGrain : Grain<LedgerEpochState>, ILedgerEpochGrain
{
    private MerkleTree? _receipts;
    private MerkleTree? _payouts;

    public async Task Store(EpochArchive archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        if (archive.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture) != GetPrimaryKeyString())
        {
            throw new ArgumentException($"The archive of epoch {archive.Epoch} was sent to epoch grain '{GetPrimaryKeyString()}'.");
        }

        if (State.Archive is { } stored && SameRoots(stored, archive))
        {
            return;
        }

        if (State.Commit is { } commit)
        {
            throw new InvalidOperationException($"Epoch {archive.Epoch} is already committed ({commit.Reference}) with other roots; a committed epoch never changes.");
        }

        State.Archive = archive;
        (_receipts, _payouts) = (null, null);
        await WriteStateAsync();
    }

    public async Task MarkCommitted(EpochCommitRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (State.Commit is not null)
        {
            return;
        }

        State.Commit = record;
        await WriteStateAsync();
    }

    public Task<EpochArchive?> GetArchive() => Task.FromResult(State.Archive);

    public Task<EpochCommitRecord?> GetCommit() => Task.FromResult(State.Commit);

    public Task<ReceiptProof?> GetReceiptProof(string nodeId)
    {
        if (State.Archive is not { } archive || FindIndex(archive.Receipts, r => r.NodeId == nodeId) is not { } index)
        {
            return Task.FromResult<ReceiptProof?>(null);
        }

        _receipts ??= EpochTrees.Tree(archive.Receipts.Select(r => r.Leaf));
        var receipt = archive.Receipts[index];
        return Task.FromResult<ReceiptProof?>(new ReceiptProof(
            archive.Epoch, receipt.ToReceipt(archive.Epoch), receipt.Details, HexConverter.FromHex(receipt.Leaf), _receipts.GetProof(index), _receipts.Root, State.Commit));
    }

    public Task<PayoutProof?> GetPayoutProof(string account)
    {
        var wanted = account?.ToLowerInvariant();
        if (State.Archive is not { } archive || FindIndex(archive.Payouts, p => p.Account == wanted) is not { } index)
        {
            return Task.FromResult<PayoutProof?>(null);
        }

        _payouts ??= EpochTrees.Tree(archive.Payouts.Select(p => p.Leaf));
        var payout = archive.Payouts[index];
        return Task.FromResult<PayoutProof?>(new PayoutProof(
            archive.Epoch, payout.ToEntitlement(), HexConverter.FromHex(payout.Leaf), _payouts.GetProof(index), _payouts.Root, State.Commit));
    }

    private static bool SameRoots(EpochArchive a, EpochArchive b) =>
        string.Equals(a.ReceiptsRoot, b.ReceiptsRoot, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.PayoutsRoot, b.PayoutsRoot, StringComparison.OrdinalIgnoreCase);

    private static int? FindIndex<T>(IReadOnlyList<T> items, Func<T, bool> match)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (match(items[i]))
            {
                return i;
            }
        }

        return null;
    }
}
