using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Merkle;

namespace GreenCompute.Contracts.Ledger;

/// <summary>
/// One leaf of an epoch's receipts tree: a node's contribution in the epoch. <see cref="DetailsHash"/> is the
/// keccak256 of the off-chain signed receipt (meter readings, job ids, device signature); the contract never reads it.
/// Leaf = keccak256(bytes.concat(keccak256(abi.encode(epoch, nodeId, device, energyWh, usefulHeatWh, coreSeconds,
/// tasks, detailsHash)))) with types (uint64, bytes32, address, uint64, uint64, uint64, uint64, bytes32).
/// </summary>
public sealed record ContributionReceipt(
    ulong Epoch,
    byte[] NodeId,
    Address Device,
    ulong EnergyWh,
    ulong UsefulHeatWh,
    ulong CoreSeconds,
    ulong Tasks,
    byte[] DetailsHash)
{
    private static readonly AbiType[] LeafTypes =
    [
        AbiType.UInt(64), AbiType.FixedBytes(32), AbiType.Address, AbiType.UInt(64),
        AbiType.UInt(64), AbiType.UInt(64), AbiType.UInt(64), AbiType.FixedBytes(32),
    ];

    /// <summary>The 32-byte leaf hash that ContributionLedger.verifyReceipt checks.</summary>
    public byte[] LeafHash() => MerkleLeaf.Hash(LeafTypes, ToAbi());

    internal object?[] ToAbi() => [Epoch, NodeId, Device, EnergyWh, UsefulHeatWh, CoreSeconds, Tasks, DetailsHash];
}
