using System.Numerics;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>The block parameter of eth_call, eth_getTransactionCount, eth_getLogs: a tag or a block number.</summary>
public static class BlockTag
{
    public const string Latest = "latest";

    /// <summary>The state with the node's pending transactions applied: the next free nonce of an account.</summary>
    public const string Pending = "pending";

    public const string Earliest = "earliest";

    public const string Safe = "safe";

    public const string Finalized = "finalized";

    public static string Number(BigInteger blockNumber) => HexConverter.ToQuantity(blockNumber);
}
