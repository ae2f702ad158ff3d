namespace GreenCompute.Ethereum.Abi;

/// <summary>A type string, signature, value or encoding broke the Solidity ABI specification.</summary>
public sealed class AbiException(string message) : Exception(message);
