using System.Numerics;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>
/// What to send. <see cref="To"/> null deploys <see cref="Data"/> as init code. Unset gas and fees are estimated
/// by <see cref="TransactionSender"/> (eth_estimateGas + margin, <see cref="EthJsonRpcClient.EstimateFeesAsync"/>).
/// </summary>
public sealed record TransactionRequest
{
    public Address? To { get; init; }

    public byte[] Data { get; init; } = [];

    /// <summary>Wei sent along.</summary>
    public BigInteger Value { get; init; }

    /// <summary>A fixed gas limit; with one set, no estimation runs, so a reverting call is mined (status 0).</summary>
    public ulong? GasLimit { get; init; }

    public FeeEstimate? Fees { get; init; }
}
