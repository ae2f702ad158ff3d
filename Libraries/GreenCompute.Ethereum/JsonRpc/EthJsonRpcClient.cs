using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Transactions;

namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>
/// The eth_* JSON-RPC methods GreenCompute needs, over HTTP. Node errors surface as <see cref="JsonRpcException"/>;
/// reverts of eth_call and eth_estimateGas as <see cref="ContractRevertedException"/> with the decoded reason.
/// Safe for concurrent use (one HTTP request per call).
/// </summary>
public sealed class EthJsonRpcClient
{
    private static readonly TimeSpan FirstPollDelay = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxPollDelay = TimeSpan.FromMilliseconds(500);

    private readonly JsonRpcTransport _transport;
    private readonly TimeProvider _time;

    public EthJsonRpcClient(HttpClient httpClient, Uri endpoint, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(endpoint);
        _transport = new JsonRpcTransport(httpClient, endpoint);
        _time = timeProvider ?? TimeProvider.System;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>Any method, for what has no typed wrapper (anvil_*, evm_*): the raw result member.</summary>
    public Task<JsonElement> RequestAsync(string method, JsonArray parameters, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(method, parameters, cancellationToken);

    public async Task<BigInteger> GetChainIdAsync(CancellationToken cancellationToken = default) =>
        RpcJson.Quantity(await RequestAsync("eth_chainId", [], cancellationToken).ConfigureAwait(false));

    public async Task<ulong> GetBlockNumberAsync(CancellationToken cancellationToken = default) =>
        RpcJson.ULong(await RequestAsync("eth_blockNumber", [], cancellationToken).ConfigureAwait(false));

    /// <summary>The number of transactions sent from <paramref name="account"/>: with "pending", its next free nonce.</summary>
    public async Task<ulong> GetTransactionCountAsync(Address account, string block = BlockTag.Pending, CancellationToken cancellationToken = default) =>
        RpcJson.ULong(await RequestAsync("eth_getTransactionCount", [RpcJson.ToAddress(account), block], cancellationToken).ConfigureAwait(false));

    public async Task<BigInteger> GetBalanceAsync(Address account, string block = BlockTag.Latest, CancellationToken cancellationToken = default) =>
        RpcJson.Quantity(await RequestAsync("eth_getBalance", [RpcJson.ToAddress(account), block], cancellationToken).ConfigureAwait(false));

    public async Task<byte[]> GetCodeAsync(Address account, string block = BlockTag.Latest, CancellationToken cancellationToken = default) =>
        RpcJson.Data(await RequestAsync("eth_getCode", [RpcJson.ToAddress(account), block], cancellationToken).ConfigureAwait(false));

    public async Task<BigInteger> GetGasPriceAsync(CancellationToken cancellationToken = default) =>
        RpcJson.Quantity(await RequestAsync("eth_gasPrice", [], cancellationToken).ConfigureAwait(false));

    public async Task<BigInteger> GetMaxPriorityFeePerGasAsync(CancellationToken cancellationToken = default) =>
        RpcJson.Quantity(await RequestAsync("eth_maxPriorityFeePerGas", [], cancellationToken).ConfigureAwait(false));

    public async Task<FeeHistory> GetFeeHistoryAsync(int blockCount, string newestBlock, IReadOnlyList<double> rewardPercentiles, CancellationToken cancellationToken = default)
    {
        JsonArray percentiles = [.. rewardPercentiles.Select(p => (JsonNode)JsonValue.Create(p))];
        var result = await RequestAsync("eth_feeHistory", [RpcJson.ToQuantity(blockCount), newestBlock, percentiles], cancellationToken).ConfigureAwait(false);
        return FeeHistory.FromJson(result);
    }

    /// <summary>
    /// EIP-1559 fees: priority = eth_maxPriorityFeePerGas (else the median reward of the last blocks, else
    /// eth_gasPrice − base fee); max fee = 2 × the next block's base fee + priority, which stays valid through six
    /// consecutive full blocks (+12.5 % each).
    /// </summary>
    public Task<FeeEstimate> EstimateFeesAsync(CancellationToken cancellationToken = default) =>
        FeeEstimator.EstimateAsync(this, cancellationToken);

    /// <exception cref="ContractRevertedException">The simulation reverted; decoded against <paramref name="customErrors"/>.</exception>
    public async Task<ulong> EstimateGasAsync(CallRequest request, IEnumerable<AbiError>? customErrors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await RequestDecodingRevertAsync("eth_estimateGas", [request.ToJson()], customErrors, cancellationToken).ConfigureAwait(false);
        return RpcJson.ULong(result);
    }

    /// <summary>eth_call: the return data of a read-only execution.</summary>
    /// <exception cref="ContractRevertedException">The call reverted; decoded against <paramref name="customErrors"/>.</exception>
    public async Task<byte[]> CallAsync(CallRequest request, string block = BlockTag.Latest, IEnumerable<AbiError>? customErrors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await RequestDecodingRevertAsync("eth_call", [request.ToJson(), block], customErrors, cancellationToken).ConfigureAwait(false);
        return RpcJson.Data(result);
    }

    /// <summary>Submits a signed transaction; returns its hash. The receipt may not exist yet: see <see cref="WaitForReceiptAsync"/>.</summary>
    public async Task<string> SendRawTransactionAsync(SignedTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var result = await RequestAsync("eth_sendRawTransaction", [RpcJson.ToData(transaction.Encoded)], cancellationToken).ConfigureAwait(false);
        return RpcJson.Hash(result);
    }

    /// <summary>The receipt, or null while the transaction is not mined (even anvil's automine answers null at first).</summary>
    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken cancellationToken = default)
    {
        var result = await RequestAsync("eth_getTransactionReceipt", [RpcJson.ToHash(transactionHash)], cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : TransactionReceipt.FromJson(result);
    }

    /// <summary>Polls eth_getTransactionReceipt (10 ms, doubling up to 500 ms) until the transaction is mined.</summary>
    /// <exception cref="TransactionReceiptTimeoutException">Not mined within <paramref name="timeout"/>; names the hash.</exception>
    public async Task<TransactionReceipt> WaitForReceiptAsync(string transactionHash, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        var delay = FirstPollDelay;
        while (true)
        {
            if (await GetTransactionReceiptAsync(transactionHash, cancellationToken).ConfigureAwait(false) is { } receipt)
            {
                return receipt;
            }

            var remaining = timeout - _time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new TransactionReceiptTimeoutException(transactionHash, timeout);
            }

            await Task.Delay(delay < remaining ? delay : remaining, _time, cancellationToken).ConfigureAwait(false);
            delay = delay * 2 < MaxPollDelay ? delay * 2 : MaxPollDelay;
        }
    }

    public async Task<IReadOnlyList<LogEntry>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var result = await RequestAsync("eth_getLogs", [filter.ToJson()], cancellationToken).ConfigureAwait(false);
        return [.. result.EnumerateArray().Select(LogEntry.FromJson)];
    }

    private async Task<JsonElement> RequestDecodingRevertAsync(string method, JsonArray parameters, IEnumerable<AbiError>? customErrors, CancellationToken cancellationToken)
    {
        try
        {
            return await RequestAsync(method, parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonRpcException e) when (e.IsExecutionReverted)
        {
            throw new ContractRevertedException(RevertReason.Decode(RevertData(e), customErrors), null, null, e);
        }
    }

    /// <summary>The revert bytes of an "execution reverted" error: its data member as hex, else none.</summary>
    private static byte[] RevertData(JsonRpcException error)
    {
        if (error.ErrorData is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(error.ErrorData);
        return document.RootElement.ValueKind == JsonValueKind.String
            && document.RootElement.GetString() is { } hex
            && hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                ? HexConverter.FromHex(hex)
                : [];
    }
}
