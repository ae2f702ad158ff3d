using System.Numerics;
using GreenCompute.Contracts.Artifacts;
using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.JsonRpc;

namespace GreenCompute.Contracts.Payouts;

/// <summary>
/// Binding of PayoutDistributor.sol: pays cumulativeAmount − claimed[account] to the account, against the ledger's
/// latest payouts root. Anyone may submit a claim; only the account is paid.
/// </summary>
public sealed class PayoutDistributor
{
    // The token's errors (ERC20InsufficientBalance when the distributor is not funded) bubble up through claim.
    private static readonly IReadOnlyList<AbiError> AllErrors = [.. ContractArtifact.PayoutDistributor.Errors, .. ContractArtifact.GreenCredit.Errors];

    private readonly DeployedContract _contract;

    private PayoutDistributor(DeployedContract contract) => _contract = contract;

    public Address Address => _contract.Address;

    /// <summary>InvalidProof, NothingToClaim, SafeERC20FailedOperation and the GreenCredit (ERC-20) errors.</summary>
    public IReadOnlyList<AbiError> Errors => _contract.Errors;

    public static PayoutDistributor At(Address address, TransactionSender sender) =>
        new(new DeployedContract(ContractArtifact.PayoutDistributor, address, sender, AllErrors));

    public static async Task<PayoutDistributor> DeployAsync(TransactionSender sender, Address token, Address ledger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        return At(await DeployedContract.DeployAsync(ContractArtifact.PayoutDistributor, sender, AllErrors, cancellationToken, token, ledger).ConfigureAwait(false), sender);
    }

    public PayoutDistributor Connect(TransactionSender sender) => new(_contract.Connect(sender));

    /// <exception cref="ContractRevertedException">InvalidProof (wrong account, amount or stale proof), NothingToClaim (already paid).</exception>
    public Task<TransactionReceipt> ClaimAsync(Address account, BigInteger cumulativeAmount, IReadOnlyList<byte[]> proof, CancellationToken cancellationToken = default) =>
        _contract.SendAsync("claim", cancellationToken, account, cumulativeAmount, proof.ToArray());

    /// <summary>What a claim would pay now; 0 when the proof does not verify or everything is paid.</summary>
    public async Task<BigInteger> GetClaimableAsync(Address account, BigInteger cumulativeAmount, IReadOnlyList<byte[]> proof, CancellationToken cancellationToken = default) =>
        (BigInteger)(await _contract.CallAsync("claimable", cancellationToken, account, cumulativeAmount, proof.ToArray()).ConfigureAwait(false))[0]!;

    /// <summary>The cumulative amount already paid to <paramref name="account"/>.</summary>
    public async Task<BigInteger> GetClaimedAsync(Address account, CancellationToken cancellationToken = default) =>
        (BigInteger)(await _contract.CallAsync("claimed", cancellationToken, account).ConfigureAwait(false))[0]!;

    /// <summary>The contract's own leaf hash (to cross-check <see cref="PayoutEntitlement.LeafHash"/>).</summary>
    public async Task<byte[]> ComputePayoutLeafAsync(PayoutEntitlement entitlement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entitlement);
        return (byte[])(await _contract.CallAsync("payoutLeaf", cancellationToken, entitlement.Account, entitlement.CumulativeAmount).ConfigureAwait(false))[0]!;
    }

    public IReadOnlyList<Claimed> DecodeClaimed(TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return [.. _contract.DecodeLogs(receipt.Logs, "Claimed").Select(e => new Claimed(
            (Address)e.Values[0]!, (BigInteger)e.Values[1]!, (BigInteger)e.Values[2]!, (ulong)(BigInteger)e.Values[3]!, e.Log))];
    }
}
