// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Leaf encodings of the GreenCompute Merkle trees (see Contracts/README.md, "Leaf encoding").
/// @notice Leaves are double-hashed, keccak256(bytes.concat(keccak256(abi.encode(...)))), as OpenZeppelin's
/// MerkleProof recommends: a leaf is then never the keccak256 of 64 bytes, so no inner node (keccak256 of two
/// sorted 32-byte children) can be passed off as a leaf (second-preimage attack).
library LedgerLeaves {
    /// @notice One node's contribution in one epoch, as signed by the device and checked by the orchestrator.
    struct Receipt {
        uint64 epoch;
        bytes32 nodeId;
        address device;
        uint64 energyWh;
        uint64 usefulHeatWh;
        uint64 coreSeconds;
        uint64 tasks;
        bytes32 detailsHash;
    }

    function receiptLeaf(Receipt memory r) internal pure returns (bytes32) {
        return keccak256(
            bytes.concat(
                keccak256(
                    abi.encode(
                        r.epoch, r.nodeId, r.device, r.energyWh, r.usefulHeatWh, r.coreSeconds, r.tasks, r.detailsHash
                    )
                )
            )
        );
    }

    function payoutLeaf(address account, uint256 cumulativeAmount) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(account, cumulativeAmount))));
    }
}
