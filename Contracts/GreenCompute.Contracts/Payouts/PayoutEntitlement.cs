using System.Numerics;
using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Merkle;

namespace GreenCompute.Contracts.Payouts;

/// <summary>
/// One leaf of a payouts tree: a host payout account and its CUMULATIVE earnings since the first epoch, in token base
/// units. Leaf = keccak256(bytes.concat(keccak256(abi.encode(account, cumulativeAmount)))), types (address, uint256).
/// </summary>
public sealed record PayoutEntitlement(Address Account, BigInteger CumulativeAmount)
{
    private static readonly AbiType[] LeafTypes = [AbiType.Address, AbiType.UInt(256)];

    /// <summary>The 32-byte leaf hash PayoutDistributor.claim verifies.</summary>
    public byte[] LeafHash() => MerkleLeaf.Hash(LeafTypes, [Account, CumulativeAmount]);
}
