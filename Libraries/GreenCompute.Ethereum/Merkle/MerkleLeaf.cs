using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Hashing;

namespace GreenCompute.Ethereum.Merkle;

/// <summary>
/// Leaf hashing as OpenZeppelin recommends: keccak256(bytes.concat(keccak256(abi.encode(values…)))). Hashing twice
/// makes a leaf the hash of 32 bytes, never of 64, so an inner node cannot be presented as a leaf.
/// </summary>
public static class MerkleLeaf
{
    public static byte[] Hash(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values) =>
        Keccak256.Hash(Keccak256.Hash(AbiEncoder.Encode(types, values)));
}
