using System.Numerics;
using GreenCompute.Contracts.Artifacts;
using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.JsonRpc;

namespace GreenCompute.Contracts.Payouts;

/// <summary>Binding of GreenCredit.sol: the ERC-20 (18 decimals) hosts are paid in, minted by MINTER_ROLE holders.</summary>
public sealed class GreenCredit
{
    private readonly DeployedContract _contract;

    private GreenCredit(DeployedContract contract) => _contract = contract;

    public Address Address => _contract.Address;

    public IReadOnlyList<AbiError> Errors => _contract.Errors;

    public static GreenCredit At(Address address, TransactionSender sender) =>
        new(new DeployedContract(ContractArtifact.GreenCredit, address, sender, ContractArtifact.GreenCredit.Errors));

    /// <summary>Deploys with <paramref name="admin"/> as DEFAULT_ADMIN and MINTER.</summary>
    public static async Task<GreenCredit> DeployAsync(TransactionSender sender, Address admin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var artifact = ContractArtifact.GreenCredit;
        return At(await DeployedContract.DeployAsync(artifact, sender, artifact.Errors, cancellationToken, admin).ConfigureAwait(false), sender);
    }

    public GreenCredit Connect(TransactionSender sender) => new(_contract.Connect(sender));

    public Task<TransactionReceipt> MintAsync(Address to, BigInteger amount, CancellationToken cancellationToken = default) =>
        _contract.SendAsync("mint", cancellationToken, to, amount);

    public Task<TransactionReceipt> TransferAsync(Address to, BigInteger amount, CancellationToken cancellationToken = default) =>
        _contract.SendAsync("transfer", cancellationToken, to, amount);

    public async Task<BigInteger> GetBalanceAsync(Address account, CancellationToken cancellationToken = default) =>
        (BigInteger)(await _contract.CallAsync("balanceOf", cancellationToken, account).ConfigureAwait(false))[0]!;

    public async Task<BigInteger> GetTotalSupplyAsync(CancellationToken cancellationToken = default) =>
        (BigInteger)(await _contract.CallAsync("totalSupply", cancellationToken).ConfigureAwait(false))[0]!;
}
