using System.Numerics;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Signing;

namespace GreenCompute.Ethereum.Transactions;

/// <summary>
/// The stateless validity rules a node applies to a decoded transaction (as of Shanghai/Cancun): signature
/// values (EIP-2 low s), chain id (EIP-155 v or typed chainId), EIP-2681 nonce limit, fee sanity (EIP-1559),
/// EIP-3860 init code size and intrinsic gas. Balance and nonce checks need state and are not here.
/// </summary>
public static class TransactionValidator
{
    /// <summary>EIP-3860: twice the EIP-170 code size limit of 24,576.</summary>
    public const int MaxInitCodeSize = 49_152;

    private static readonly BigInteger SecpN = Secp256k1.FromBc(Secp256k1.N);

    private static readonly BigInteger MaxUInt256 = (BigInteger.One << 256) - 1;

    /// <summary>Validates and returns the recovered sender.</summary>
    /// <exception cref="TransactionException">The first rule broken.</exception>
    public static Address Validate(SignedTransaction signed, BigInteger chainId)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var tx = signed.Transaction;
        CheckChainAndV(signed, chainId);
        if (signed.R.IsZero || signed.R >= SecpN || signed.S.IsZero || signed.S > SecpN / 2)
        {
            throw new TransactionException(TransactionError.InvalidSignature, "Signature r or s is out of range (0 < r < n, 0 < s ≤ n/2).");
        }

        if (tx.Nonce == ulong.MaxValue)
        {
            throw new TransactionException(TransactionError.NonceMax, "Nonce 2^64 − 1 is reserved (EIP-2681).");
        }

        var price = tx switch
        {
            LegacyTransaction t => t.GasPrice,
            AccessListTransaction t => t.GasPrice,
            DynamicFeeTransaction t => t.MaxFeePerGas,
            _ => throw new TransactionException(TransactionError.UnsupportedType, $"Unsupported transaction {tx.GetType().Name}."),
        };
        if (tx is DynamicFeeTransaction fee && fee.MaxPriorityFeePerGas > fee.MaxFeePerGas)
        {
            throw new TransactionException(TransactionError.PriorityFeeAboveMaxFee, "maxPriorityFeePerGas is above maxFeePerGas.");
        }

        if (price * tx.GasLimit > MaxUInt256)
        {
            throw new TransactionException(TransactionError.GasLimitPriceProductOverflow, "gasLimit × gas price does not fit 256 bits.");
        }

        if (tx.To is null && tx.Data.Length > MaxInitCodeSize)
        {
            throw new TransactionException(TransactionError.InitCodeSizeExceeded, $"Init code is {tx.Data.Length} bytes, at most {MaxInitCodeSize}.");
        }

        var intrinsic = IntrinsicGas.Compute(tx);
        if (tx.GasLimit < intrinsic)
        {
            throw new TransactionException(TransactionError.IntrinsicGasTooLow, $"Gas limit {tx.GasLimit} is below the intrinsic gas {intrinsic}.");
        }

        return signed.RecoverSender();
    }

    private static void CheckChainAndV(SignedTransaction signed, BigInteger chainId)
    {
        switch (signed.Transaction)
        {
            case LegacyTransaction when signed.V <= 1:
                // A bare y parity is never a legacy v; nodes (geth's isProtectedV) file it under bad signatures.
                throw new TransactionException(TransactionError.InvalidSignature, $"Legacy v {signed.V} is a y parity, not 27/28 or EIP-155.");
            case LegacyTransaction legacy:
                // Pre-155 (v 27/28) transactions are valid on every chain; EIP-155 ones only on theirs.
                var valid = legacy.ChainId is null
                    ? signed.V == 27 || signed.V == 28
                    : legacy.ChainId == chainId;
                if (!valid)
                {
                    throw new TransactionException(TransactionError.InvalidChainId, $"v {signed.V} is neither 27/28 nor EIP-155 for chain {chainId}.");
                }

                break;
            case AccessListTransaction t when t.ChainId != chainId:
            case DynamicFeeTransaction d when d.ChainId != chainId:
                throw new TransactionException(TransactionError.InvalidChainId, $"Transaction is for another chain than {chainId}.");
            default:
                if (signed.V > 1)
                {
                    throw new TransactionException(TransactionError.InvalidSignature, $"y parity {signed.V} is neither 0 nor 1.");
                }

                break;
        }
    }
}
