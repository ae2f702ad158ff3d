using System.Numerics;

namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>EIP-1559 fees for a new transaction, in wei per gas.</summary>
public readonly record struct FeeEstimate(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas);
