using System.Text.Json;
using GreenCompute.Contracts.Artifacts;
using GreenCompute.Contracts.Ledger;
using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.JsonRpc;

namespace GreenCompute.Grains.Ledger.Chain;

/// <summary>
/// Commits epochs to ContributionLedger over JSON-RPC (anvil locally, an L2 in production), as the recorder.
/// Before any send it asks the chain: an earlier transaction that landed, or the epoch already holding our roots
/// (a send whose hash was never persisted, or a reverted duplicate: EpochAlreadyCommitted) counts as committed.
/// A new transaction goes out only when nothing is pending; nonces come from the shared <see cref="NonceManager"/>,
/// which re-reads the chain's pending nonce whenever it is idle, so a dropped transaction leaves no gap behind.
/// Whatever happens, the contract accepts an epoch once: a duplicate can cost gas, never a second record.
/// </summary>
public sealed class JsonRpcChainCommitter(TransactionSender recorder, Address ledger, TimeSpan confirmWait) : IChainCommitter
{
    private static readonly AbiFunction CommitEpoch = ContractArtifact.ContributionLedger.Function("commitEpoch");

    private readonly ContributionLedger _ledger = ContributionLedger.At(ledger, recorder);

    public bool IsJournal => false;

    public string Description => $"ContributionLedger {ledger} via {recorder.Client.Endpoint}, recorder {recorder.From}";

    public async Task<CommitOutcome> CommitAsync(EpochCommit commit, IReadOnlyList<string> sent, bool mayResend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(sent);
        try
        {
            return await CommitCoreAsync(commit, sent, mayResend, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTransient(e, cancellationToken))
        {
            return CommitOutcome.Retry($"RPC {recorder.Client.Endpoint} failed: {e.Message}");
        }
    }

    private async Task<CommitOutcome> CommitCoreAsync(EpochCommit commit, IReadOnlyList<string> sent, bool mayResend, CancellationToken cancellationToken)
    {
        string? pending = null;
        foreach (var hash in sent.Reverse())
        {
            var receipt = await recorder.Client.GetTransactionReceiptAsync(hash, cancellationToken).ConfigureAwait(false);
            if (receipt is { Succeeded: true })
            {
                return CommitOutcome.Committed(hash, receipt.BlockNumber, $"epoch {commit.Epoch} committed in block {receipt.BlockNumber}");
            }

            if (receipt is null && pending is null && await IsKnownAsync(hash, cancellationToken).ConfigureAwait(false))
            {
                pending = hash;
            }
        }

        if (await OnChainAsync(commit, cancellationToken).ConfigureAwait(false) is { } recorded)
        {
            return recorded;
        }

        if (pending is not null && !mayResend)
        {
            return CommitOutcome.Pending(null, $"transaction {pending} for epoch {commit.Epoch} is not mined yet");
        }

        string sentHash;
        try
        {
            var request = new TransactionRequest { To = ledger, Data = Encode(commit) };
            sentHash = (await recorder.SendAsync(request, _ledger.Errors, cancellationToken).ConfigureAwait(false)).Hash;
        }
        catch (ContractRevertedException e)
        {
            return await OnChainAsync(commit, cancellationToken).ConfigureAwait(false) ?? Refused(commit, e);
        }

        return await ConfirmAsync(commit, sentHash, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CommitOutcome> ConfirmAsync(EpochCommit commit, string hash, CancellationToken cancellationToken)
    {
        TransactionReceipt receipt;
        try
        {
            receipt = await recorder.Client.WaitForReceiptAsync(hash, confirmWait, cancellationToken).ConfigureAwait(false);
        }
        catch (TransactionReceiptTimeoutException)
        {
            return CommitOutcome.Pending(hash, $"sent {hash} for epoch {commit.Epoch}, not mined yet");
        }

        if (receipt.Succeeded)
        {
            return CommitOutcome.Committed(hash, receipt.BlockNumber, $"epoch {commit.Epoch} committed in block {receipt.BlockNumber}");
        }

        return await OnChainAsync(commit, cancellationToken).ConfigureAwait(false)
            ?? CommitOutcome.Retry($"transaction {hash} for epoch {commit.Epoch} reverted in block {receipt.BlockNumber}");
    }

    /// <summary>Committed when the epoch holds our roots; halted when it holds others or the chain is past it; null otherwise.</summary>
    private async Task<CommitOutcome?> OnChainAsync(EpochCommit commit, CancellationToken cancellationToken)
    {
        if (await _ledger.GetEpochAsync(commit.Epoch, cancellationToken).ConfigureAwait(false) is { } record)
        {
            if (!record.ReceiptsRoot.AsSpan().SequenceEqual(commit.ReceiptsRoot) || !record.PayoutsRoot.AsSpan().SequenceEqual(commit.PayoutsRoot))
            {
                return CommitOutcome.Halted(
                    $"epoch {commit.Epoch} already holds receipts root {HexConverter.ToHex(record.ReceiptsRoot)} on chain, not ours {HexConverter.ToHex(commit.ReceiptsRoot)}");
            }

            var logged = (await _ledger.GetEpochCommittedAsync(BlockTag.Earliest, commit.Epoch, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
            return CommitOutcome.Committed(
                logged?.Log.TransactionHash ?? "unknown transaction", logged?.Log.BlockNumber, $"epoch {commit.Epoch} was already on chain (an earlier send landed)");
        }

        var latest = await _ledger.GetLatestEpochAsync(cancellationToken).ConfigureAwait(false);
        return latest > commit.Epoch
            ? CommitOutcome.Halted($"the chain is at epoch {latest}: epoch {commit.Epoch} can no longer be committed (EpochNotAfterLatest)")
            : null;
    }

    /// <summary>
    /// A send refused in gas estimation. EpochAlreadyCommitted while the latest block does not hold the epoch means the
    /// node estimated on its pending block, where an earlier transaction of ours commits it: wait for that one.
    /// </summary>
    private static CommitOutcome Refused(EpochCommit commit, ContractRevertedException e) => e.ErrorName switch
    {
        "EpochAlreadyCommitted" => CommitOutcome.Pending(null, $"an earlier transaction committing epoch {commit.Epoch} is pending (estimation: {e.Message})"),
        "EpochNotAfterLatest" => CommitOutcome.Halted($"commitEpoch({commit.Epoch}) reverted: {e.Message}"),
        _ => CommitOutcome.Retry($"commitEpoch({commit.Epoch}) reverted: {e.Message}"),
    };

    private async Task<bool> IsKnownAsync(string hash, CancellationToken cancellationToken) =>
        (await recorder.Client.RequestAsync("eth_getTransactionByHash", [hash], cancellationToken).ConfigureAwait(false)).ValueKind != JsonValueKind.Null;

    private static byte[] Encode(EpochCommit c)
    {
        var t = c.Totals;
        object?[] totals = [t.EnergyWh, t.UsefulHeatWh, t.CoreSeconds, t.Tasks, t.Nodes, t.PayoutAmount];
        return CommitEpoch.EncodeCall(c.Epoch, c.ReceiptsRoot, c.PayoutsRoot, totals);
    }

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or JsonRpcException or TimeoutException or IOException or FormatException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
