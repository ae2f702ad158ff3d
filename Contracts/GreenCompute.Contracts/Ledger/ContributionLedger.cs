using System.Numerics;
using GreenCompute.Contracts.Artifacts;
using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.JsonRpc;

namespace GreenCompute.Contracts.Ledger;

/// <summary>Binding of ContributionLedger.sol: per-epoch receipts and payouts roots, committed once by a RECORDER.</summary>
public sealed class ContributionLedger
{
    private readonly DeployedContract _contract;

    private ContributionLedger(DeployedContract contract) => _contract = contract;

    public Address Address => _contract.Address;

    /// <summary>The custom errors a revert is decoded against (EpochAlreadyCommitted, AccessControlUnauthorizedAccount, …).</summary>
    public IReadOnlyList<AbiError> Errors => _contract.Errors;

    public static ContributionLedger At(Address address, TransactionSender sender) =>
        new(new DeployedContract(ContractArtifact.ContributionLedger, address, sender, ContractArtifact.ContributionLedger.Errors));

    public static async Task<ContributionLedger> DeployAsync(TransactionSender sender, Address admin, Address recorder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var artifact = ContractArtifact.ContributionLedger;
        return At(await DeployedContract.DeployAsync(artifact, sender, artifact.Errors, cancellationToken, admin, recorder).ConfigureAwait(false), sender);
    }

    /// <summary>The same contract, with transactions signed by <paramref name="sender"/>.</summary>
    public ContributionLedger Connect(TransactionSender sender) => new(_contract.Connect(sender));

    /// <summary>
    /// Commits an epoch's roots and totals. With <paramref name="gasLimit"/> null the gas is estimated, so a revert
    /// throws before anything is sent; with a fixed limit even a reverting call is mined (status 0).
    /// </summary>
    /// <exception cref="ContractRevertedException">EpochAlreadyCommitted, EpochNotAfterLatest, AccessControlUnauthorizedAccount.</exception>
    public Task<TransactionReceipt> CommitEpochAsync(ulong epoch, byte[] receiptsRoot, byte[] payoutsRoot, EpochTotals totals, ulong? gasLimit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return _contract.SendAsync("commitEpoch", gasLimit, cancellationToken, epoch, receiptsRoot, payoutsRoot, totals.ToAbi());
    }

    /// <summary>The epoch's record, or null when it was never committed.</summary>
    public async Task<EpochRecord?> GetEpochAsync(ulong epoch, CancellationToken cancellationToken = default)
    {
        var record = (object?[])(await _contract.CallAsync("getEpoch", cancellationToken, epoch).ConfigureAwait(false))[0]!;
        var committedAt = (BigInteger)record[3]!;
        return committedAt.IsZero
            ? null
            : new EpochRecord(epoch, (byte[])record[0]!, (byte[])record[1]!, EpochTotals.FromAbi(record[2]), DateTimeOffset.FromUnixTimeSeconds((long)committedAt));
    }

    /// <summary>The highest committed epoch, 0 before the first commit.</summary>
    public async Task<ulong> GetLatestEpochAsync(CancellationToken cancellationToken = default) =>
        (ulong)(BigInteger)(await _contract.CallAsync("latestEpoch", cancellationToken).ConfigureAwait(false))[0]!;

    /// <summary>The payouts root the PayoutDistributor verifies claims against.</summary>
    public async Task<(ulong Epoch, byte[] Root)> GetLatestPayoutsRootAsync(CancellationToken cancellationToken = default)
    {
        var output = await _contract.CallAsync("latestPayoutsRoot", cancellationToken).ConfigureAwait(false);
        return ((ulong)(BigInteger)output[0]!, (byte[])output[1]!);
    }

    /// <summary>Whether <paramref name="leaf"/> (see <see cref="ContributionReceipt.LeafHash"/>) is in the epoch's receipts tree.</summary>
    public async Task<bool> VerifyReceiptAsync(ulong epoch, byte[] leaf, IReadOnlyList<byte[]> proof, CancellationToken cancellationToken = default) =>
        (bool)(await _contract.CallAsync("verifyReceipt", cancellationToken, epoch, leaf, proof.ToArray()).ConfigureAwait(false))[0]!;

    /// <summary>The contract's own leaf hash of a receipt (to cross-check <see cref="ContributionReceipt.LeafHash"/>).</summary>
    public async Task<byte[]> ComputeReceiptLeafAsync(ContributionReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return (byte[])(await _contract.CallAsync("receiptLeaf", cancellationToken, [receipt.ToAbi()]).ConfigureAwait(false))[0]!;
    }

    public async Task<bool> HasRoleAsync(byte[] role, Address account, CancellationToken cancellationToken = default) =>
        (bool)(await _contract.CallAsync("hasRole", cancellationToken, role, account).ConfigureAwait(false))[0]!;

    public Task<TransactionReceipt> GrantRoleAsync(byte[] role, Address account, CancellationToken cancellationToken = default) =>
        _contract.SendAsync("grantRole", cancellationToken, role, account);

    public IReadOnlyList<EpochCommitted> DecodeEpochCommitted(TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return [.. _contract.DecodeLogs(receipt.Logs, "EpochCommitted").Select(ToEvent)];
    }

    /// <summary>EpochCommitted logs from <paramref name="fromBlock"/> on, all epochs or only <paramref name="epoch"/> (indexed).</summary>
    public async Task<IReadOnlyList<EpochCommitted>> GetEpochCommittedAsync(string fromBlock = BlockTag.Earliest, ulong? epoch = null, CancellationToken cancellationToken = default)
    {
        var topic = epoch is { } e ? AbiEvent.EncodeTopic(AbiType.UInt(64), e) : null;
        return [.. (await _contract.GetLogsAsync("EpochCommitted", fromBlock, topic, cancellationToken).ConfigureAwait(false)).Select(ToEvent)];
    }

    private static EpochCommitted ToEvent((LogEntry Log, object?[] Values) e) => new(
        (ulong)(BigInteger)e.Values[0]!, (byte[])e.Values[1]!, (byte[])e.Values[2]!, EpochTotals.FromAbi(e.Values[3]), (Address)e.Values[4]!, e.Log);
}
