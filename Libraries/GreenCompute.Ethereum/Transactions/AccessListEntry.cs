using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.Transactions;

/// <summary>EIP-2930 access list entry: an address and the 32-byte storage keys pre-warmed for it.</summary>
public sealed record AccessListEntry(Address Address, IReadOnlyList<byte[]> StorageKeys);
