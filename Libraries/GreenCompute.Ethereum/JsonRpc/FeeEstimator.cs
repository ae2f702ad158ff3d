using System.Numerics;

namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>EIP-1559 fee estimation from eth_feeHistory and eth_maxPriorityFeePerGas (see <see cref="EthJsonRpcClient.EstimateFeesAsync"/>).</summary>
internal static class FeeEstimator
{
    private const int HistoryBlocks = 4;

    private static readonly double[] MedianPercentile = [50];

    public static async Task<FeeEstimate> EstimateAsync(EthJsonRpcClient client, CancellationToken cancellationToken)
    {
        var history = await client.GetFeeHistoryAsync(HistoryBlocks, BlockTag.Latest, MedianPercentile, cancellationToken).ConfigureAwait(false);
        var baseFee = history.NextBaseFee;
        BigInteger priority;
        try
        {
            priority = await client.GetMaxPriorityFeePerGasAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (JsonRpcException e) when (e.Code == -32601)
        {
            // Method not found (older nodes): the median reward of recent blocks, else what eth_gasPrice implies.
            var rewards = history.Rewards.Where(row => row.Count > 0).Select(row => row[0]).Order().ToList();
            priority = rewards.Count > 0
                ? rewards[rewards.Count / 2]
                : BigInteger.Max(BigInteger.Zero, await client.GetGasPriceAsync(cancellationToken).ConfigureAwait(false) - baseFee);
        }

        return new FeeEstimate((2 * baseFee) + priority, priority);
    }
}
