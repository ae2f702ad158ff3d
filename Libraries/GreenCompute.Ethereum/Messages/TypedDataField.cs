namespace GreenCompute.Ethereum.Messages;

/// <summary>One member of an EIP-712 struct type: its name and type ("address", "Person", "uint256[]", …).</summary>
public sealed record TypedDataField(string Name, string Type);
