using System.Numerics;

namespace GreenCompute.Ethereum.Transactions;

/// <summary>
/// Gas a transaction costs before any execution, with the rules in force since Shanghai: 21,000 base,
/// +32,000 for creation, calldata 4 per zero byte and 16 per other byte (EIP-2028), access list 2,400 per
/// address and 1,900 per storage key (EIP-2930), init code 2 per 32-byte word (EIP-3860).
/// </summary>
public static class IntrinsicGas
{
    public static BigInteger Compute(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        BigInteger gas = 21_000;
        var zeros = transaction.Data.Count(b => b == 0);
        gas += (zeros * 4) + ((transaction.Data.Length - zeros) * 16L);
        if (transaction.To is null)
        {
            gas += 32_000 + (2 * ((transaction.Data.Length + 31L) / 32));
        }

        var accessList = transaction switch
        {
            AccessListTransaction t => t.AccessList,
            DynamicFeeTransaction t => t.AccessList,
            _ => [],
        };
        gas += accessList.Sum(e => 2_400 + (1_900L * e.StorageKeys.Count));
        return gas;
    }
}
