using GreenCompute.Ethereum.Abi;

namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>
/// A contract call reverted: in eth_call / eth_estimateGas (<see cref="TransactionHash"/> null, the node's
/// <see cref="JsonRpcException"/> as inner exception), or as a mined transaction with status 0 (<see cref="Receipt"/>
/// set; <see cref="Reason"/> comes from replaying the transaction with eth_call and is null when the replay does not
/// revert).
/// </summary>
public sealed class ContractRevertedException : Exception
{
    public ContractRevertedException(RevertReason? reason, string? transactionHash, TransactionReceipt? receipt, Exception? innerException = null)
        : base(Describe(reason, transactionHash), innerException)
    {
        Reason = reason;
        TransactionHash = transactionHash;
        Receipt = receipt;
    }

    /// <summary>The decoded revert data: Error(string), Panic(uint256), a known custom error, or unknown bytes.</summary>
    public RevertReason? Reason { get; }

    public string? TransactionHash { get; }

    public TransactionReceipt? Receipt { get; }

    /// <summary>The custom error's name ("EpochAlreadyCommitted"), "Error", "Panic", or null when not decoded.</summary>
    public string? ErrorName => Reason?.Error?.Name;

    private static string Describe(RevertReason? reason, string? transactionHash) =>
        (transactionHash is null ? "Execution reverted" : $"Transaction {transactionHash} reverted")
        + (reason is null ? " (reason not reproducible)" : $": {reason}");
}
