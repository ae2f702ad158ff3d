namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>
/// A JSON-RPC error object returned by the node ({"code", "message", "data"}), e.g. -32003 "nonce too low",
/// -32000 "intrinsic gas too low", 3 "execution reverted", -32601 "Method not found".
/// </summary>
public sealed class JsonRpcException(string method, long code, string rpcMessage, string? data)
    : Exception($"{method} failed: JSON-RPC error {code} \"{rpcMessage}\"" + (data is null ? string.Empty : $" data {data}"))
{
    public string Method { get; } = method;

    public long Code { get; } = code;

    /// <summary>The error's "message" member as the node sent it.</summary>
    public string RpcMessage { get; } = rpcMessage;

    /// <summary>The error's "data" member as raw JSON text (a quoted hex string for reverts), or null when absent.</summary>
    public string? ErrorData { get; } = data;

    /// <summary>
    /// The nonce was already used. anvil answers -32003, geth -32000; both say "nonce too low", so the message decides.
    /// </summary>
    public bool IsNonceTooLow => RpcMessage.Contains("nonce too low", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The EVM reverted (eth_call / eth_estimateGas): code 3 with the revert data, or a message that starts with
    /// "execution reverted" (geth without revert data uses -32000).
    /// </summary>
    public bool IsExecutionReverted =>
        Code == 3 || RpcMessage.StartsWith("execution reverted", StringComparison.OrdinalIgnoreCase);
}
