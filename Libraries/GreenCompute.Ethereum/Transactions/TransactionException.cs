namespace GreenCompute.Ethereum.Transactions;

/// <summary>A transaction is malformed or invalid; <see cref="Error"/> says why.</summary>
public sealed class TransactionException(TransactionError error, string message) : Exception(message)
{
    public TransactionError Error { get; } = error;
}
