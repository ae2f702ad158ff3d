namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>No receipt for <see cref="TransactionHash"/> within <see cref="Timeout"/>: not mined (yet), or unknown to the node.</summary>
public sealed class TransactionReceiptTimeoutException(string transactionHash, TimeSpan timeout)
    : TimeoutException($"No receipt for transaction {transactionHash} within {timeout.TotalSeconds:0.###} s.")
{
    public string TransactionHash { get; } = transactionHash;

    public TimeSpan Timeout { get; } = timeout;
}
