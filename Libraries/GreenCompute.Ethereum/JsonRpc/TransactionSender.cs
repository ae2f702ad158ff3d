using System.Numerics;
using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Signing;
using GreenCompute.Ethereum.Transactions;

namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>
/// Builds, signs and sends EIP-1559 transactions from one key, with the chain id read from the node and nonces
/// from a shared <see cref="NonceManager"/>; waits for receipts and turns reverts into <see cref="ContractRevertedException"/>.
/// </summary>
public sealed class TransactionSender
{
    /// <summary>Sends retried after "nonce too low" (someone else used the nonce) before giving up.</summary>
    private const int NonceAttempts = 3;

    private readonly PrivateKey _key;
    private BigInteger? _chainId;

    public TransactionSender(EthJsonRpcClient client, PrivateKey key, NonceManager nonces)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(nonces);
        Client = client;
        _key = key;
        Nonces = nonces;
    }

    public EthJsonRpcClient Client { get; }

    public NonceManager Nonces { get; }

    public Address From => _key.Address;

    /// <summary>How long <see cref="SendAndWaitAsync"/> waits for a receipt.</summary>
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Estimated gas is multiplied by this (in percent): state can change between estimate and inclusion.</summary>
    public int GasMarginPercent { get; init; } = 20;

    /// <summary>Signs and submits; returns once the node has accepted the transaction (not mined yet).</summary>
    /// <exception cref="ContractRevertedException">Gas estimation reverted (decoded against <paramref name="customErrors"/>).</exception>
    /// <exception cref="JsonRpcException">The node refused the transaction.</exception>
    public async Task<SentTransaction> SendAsync(TransactionRequest request, IEnumerable<AbiError>? customErrors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chainId = _chainId ??= await Client.GetChainIdAsync(cancellationToken).ConfigureAwait(false);
        var fees = request.Fees ?? await Client.EstimateFeesAsync(cancellationToken).ConfigureAwait(false);
        var gasLimit = request.GasLimit ?? await EstimateGasAsync(request, customErrors, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            using var reservation = await Nonces.ReserveAsync(From, cancellationToken).ConfigureAwait(false);
            var signed = new DynamicFeeTransaction
            {
                ChainId = chainId,
                Nonce = reservation.Nonce,
                MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
                MaxFeePerGas = fees.MaxFeePerGas,
                GasLimit = gasLimit,
                To = request.To,
                Value = request.Value,
                Data = request.Data,
            }.Sign(_key);
            try
            {
                var hash = await Client.SendRawTransactionAsync(signed, cancellationToken).ConfigureAwait(false);
                reservation.Complete();
                return new SentTransaction(hash, signed);
            }
            catch (JsonRpcException e) when (e.IsNonceTooLow && attempt < NonceAttempts)
            {
                reservation.Complete();
                await Nonces.ResyncAsync(From, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends, waits for the receipt, and throws when the transaction reverted.</summary>
    /// <exception cref="ContractRevertedException">Reverted in estimation or when mined (reason from an eth_call replay).</exception>
    /// <exception cref="TransactionReceiptTimeoutException">Not mined within <see cref="ReceiptTimeout"/>.</exception>
    public async Task<TransactionReceipt> SendAndWaitAsync(TransactionRequest request, IEnumerable<AbiError>? customErrors = null, CancellationToken cancellationToken = default)
    {
        var errors = customErrors?.ToList();
        var sent = await SendAsync(request, errors, cancellationToken).ConfigureAwait(false);
        var receipt = await Client.WaitForReceiptAsync(sent.Hash, ReceiptTimeout, cancellationToken).ConfigureAwait(false);
        if (!receipt.Succeeded)
        {
            throw new ContractRevertedException(await ReplayAsync(sent, receipt, errors, cancellationToken).ConfigureAwait(false), sent.Hash, receipt);
        }

        return receipt;
    }

    private async Task<ulong> EstimateGasAsync(TransactionRequest request, IEnumerable<AbiError>? customErrors, CancellationToken cancellationToken)
    {
        var call = new CallRequest { From = From, To = request.To, Data = request.Data, Value = request.Value };
        var estimate = await Client.EstimateGasAsync(call, customErrors, cancellationToken).ConfigureAwait(false);
        return checked(estimate + (estimate * (ulong)GasMarginPercent / 100));
    }

    /// <summary>
    /// A receipt has no revert data: re-run the call with eth_call on the state before its block. Null when that
    /// does not revert (the failure depended on an earlier transaction of the same block, or was out of gas).
    /// </summary>
    private async Task<RevertReason?> ReplayAsync(SentTransaction sent, TransactionReceipt receipt, IEnumerable<AbiError>? customErrors, CancellationToken cancellationToken)
    {
        var transaction = sent.Signed.Transaction;
        var call = new CallRequest { From = From, To = transaction.To, Data = transaction.Data, Value = transaction.Value, Gas = transaction.GasLimit };
        try
        {
            await Client.CallAsync(call, BlockTag.Number(receipt.BlockNumber - 1), customErrors, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (ContractRevertedException e)
        {
            return e.Reason;
        }
    }
}
