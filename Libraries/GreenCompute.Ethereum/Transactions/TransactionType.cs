namespace GreenCompute.Ethereum.Transactions;

/// <summary>EIP-2718 transaction type byte (legacy transactions have none on the wire).</summary>
public enum TransactionType : byte
{
    Legacy = 0x00,

    /// <summary>EIP-2930 (Berlin): gas price plus an access list.</summary>
    AccessList = 0x01,

    /// <summary>EIP-1559 (London): max fee and max priority fee per gas.</summary>
    DynamicFee = 0x02,
}
