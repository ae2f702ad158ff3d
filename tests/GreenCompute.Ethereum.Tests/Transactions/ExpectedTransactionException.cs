using GreenCompute.Ethereum.Rlp;
using GreenCompute.Ethereum.Transactions;

namespace GreenCompute.Ethereum.Tests.Transactions;

/// <summary>
/// Maps the ethereum/tests exception names ("TransactionException.X") to the errors this library raises, so a
/// rejection counts only when it is rejected for the same reason.
/// </summary>
internal static class ExpectedTransactionException
{
    public static bool Matches(string expected, Exception actual)
    {
        var name = expected.Replace("TransactionException.", string.Empty, StringComparison.Ordinal);
        return actual switch
        {
            TransactionException t => name switch
            {
                "TYPE_NOT_SUPPORTED" => t.Error == TransactionError.UnsupportedType,
                "ADDRESS_TOO_SHORT" or "ADDRESS_TOO_LONG" or "RLP_INVALID_ACCESS_LIST_ADDRESS_TOO_LONG" or "RLP_INVALID_ACCESS_LIST_ADDRESS_TOO_SHORT" => t.Error == TransactionError.InvalidAddress,
                "RLP_INVALID_ACCESS_LIST_STORAGE_TOO_LONG" or "RLP_INVALID_ACCESS_LIST_STORAGE_TOO_SHORT" => t.Error == TransactionError.InvalidStorageKey,
                "NONCE_OVERFLOW" => t.Error == TransactionError.NonceOverflow,
                "NONCE_TOO_BIG" => t.Error == TransactionError.NonceMax,
                "GASLIMIT_OVERFLOW" => t.Error == TransactionError.GasLimitOverflow,
                "GASPRICE_OVERFLOW" or "PRIORITY_OVERFLOW" => t.Error == TransactionError.GasPriceOverflow,
                "VALUE_OVERFLOW" => t.Error == TransactionError.ValueOverflow,
                "GASLIMIT_PRICE_PRODUCT_OVERFLOW" => t.Error == TransactionError.GasLimitPriceProductOverflow,
                "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS_2" => t.Error == TransactionError.PriorityFeeAboveMaxFee,
                "INTRINSIC_GAS_TOO_LOW" => t.Error == TransactionError.IntrinsicGasTooLow,
                "INITCODE_SIZE_EXCEEDED" => t.Error == TransactionError.InitCodeSizeExceeded,
                "INVALID_SIGNATURE_VRS" => t.Error == TransactionError.InvalidSignature,
                "INVALID_CHAINID" => t.Error == TransactionError.InvalidChainId,
                "EC_RECOVERY_FAIL" => t.Error == TransactionError.RecoveryFailed,
                _ => false,
            },
            RlpException r => name switch
            {
                "TYPE_NOT_SUPPORTED" or "RLP_INVALID_HEADER" => r.Error == RlpError.ExpectedList,
                "RLP_TOO_FEW_ELEMENTS" or "RLP_TOO_MANY_ELEMENTS" => r.Error == RlpError.WrongElementCount,
                // "Field X is not a byte string": the vectors' lists are also malformed inside, and a decoder may
                // trip over that first (geth's ErrElemTooLarge does too), so any RLP rejection counts.
                "RLP_INVALID_NONCE" or "RLP_INVALID_GASLIMIT" or "RLP_INVALID_DATA" or "RLP_INVALID_TO"
                    or "RLP_INVALID_SIGNATURE_R" or "RLP_INVALID_SIGNATURE_S" => true,
                _ when name.StartsWith("RLP_LEADING_ZEROS_", StringComparison.Ordinal) => r.Error is RlpError.NonCanonicalInteger or RlpError.NonCanonicalSingleByte or RlpError.NonCanonicalLength,
                "RLP_ERROR_SIZE_LEADING_ZEROS" => r.Error == RlpError.NonCanonicalLength,
                "RLP_ERROR_SIZE" or "RLP_ERROR_EOF" => r.Error is RlpError.UnexpectedEnd or RlpError.TrailingBytes or RlpError.LengthOverflow,
                _ => false,
            },
            _ => false,
        };
    }
}
