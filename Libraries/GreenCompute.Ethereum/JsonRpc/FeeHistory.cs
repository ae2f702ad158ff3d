using System.Numerics;
using System.Text.Json;

namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>
/// eth_feeHistory: <see cref="BaseFeePerGas"/> has one entry per block from <see cref="OldestBlock"/> plus the next
/// block's base fee; <see cref="Rewards"/> has one row per block with the priority fee at each requested percentile.
/// </summary>
public sealed record FeeHistory(
    ulong OldestBlock,
    IReadOnlyList<BigInteger> BaseFeePerGas,
    IReadOnlyList<double> GasUsedRatio,
    IReadOnlyList<IReadOnlyList<BigInteger>> Rewards)
{
    /// <summary>The base fee of the block after the newest one asked about (last entry of <see cref="BaseFeePerGas"/>).</summary>
    public BigInteger NextBaseFee => BaseFeePerGas.Count > 0 ? BaseFeePerGas[^1] : BigInteger.Zero;

    internal static FeeHistory FromJson(JsonElement json) => new(
        RpcJson.ULong(RpcJson.Required(json, "oldestBlock")),
        [.. RpcJson.Required(json, "baseFeePerGas").EnumerateArray().Select(RpcJson.Quantity)],
        [.. RpcJson.Required(json, "gasUsedRatio").EnumerateArray().Select(e => e.GetDouble())],
        RpcJson.Optional(json, "reward") is { } rewards
            ? [.. rewards.EnumerateArray().Select(row => (IReadOnlyList<BigInteger>)[.. row.EnumerateArray().Select(RpcJson.Quantity)])]
            : []);
}
