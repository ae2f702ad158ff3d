using GreenCompute.Ethereum.Transactions;

namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>A transaction the node has accepted: its hash and what was signed (nonce, gas limit, fees).</summary>
public sealed record SentTransaction(string Hash, SignedTransaction Signed)
{
    public ulong Nonce => Signed.Transaction.Nonce;
}
