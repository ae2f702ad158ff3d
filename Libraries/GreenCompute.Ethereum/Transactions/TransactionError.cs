namespace GreenCompute.Ethereum.Transactions;

/// <summary>Why a transaction was rejected by <see cref="SignedTransaction.Decode"/> or <see cref="TransactionValidator"/>.</summary>
public enum TransactionError
{
    /// <summary>A type byte other than 0x01/0x02, or bytes that are neither an RLP list nor a typed envelope.</summary>
    UnsupportedType,

    /// <summary>"to" or an access-list address is neither empty nor 20 bytes.</summary>
    InvalidAddress,

    /// <summary>An access-list storage key is not 32 bytes.</summary>
    InvalidStorageKey,

    /// <summary>Nonce longer than 64 bits.</summary>
    NonceOverflow,

    /// <summary>Nonce 2^64 − 1, which EIP-2681 reserves.</summary>
    NonceMax,

    /// <summary>Gas limit longer than 64 bits.</summary>
    GasLimitOverflow,

    /// <summary>Value longer than 256 bits.</summary>
    ValueOverflow,

    /// <summary>Gas price, max fee or max priority fee longer than 256 bits.</summary>
    GasPriceOverflow,

    /// <summary>gasLimit × (max fee or gas price) does not fit 256 bits.</summary>
    GasLimitPriceProductOverflow,

    /// <summary>EIP-1559 max priority fee above the max fee.</summary>
    PriorityFeeAboveMaxFee,

    /// <summary>Gas limit below the intrinsic gas.</summary>
    IntrinsicGasTooLow,

    /// <summary>EIP-3860: contract creation with more than 49,152 bytes of init code.</summary>
    InitCodeSizeExceeded,

    /// <summary>r or s out of range (0 &lt; r &lt; n, 0 &lt; s ≤ n/2), more than 32 bytes, or y parity not 0/1.</summary>
    InvalidSignature,

    /// <summary>v (legacy) or chainId (typed) does not name the expected chain.</summary>
    InvalidChainId,

    /// <summary>No public key can be recovered from the signature.</summary>
    RecoveryFailed,
}
