// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {LedgerLeaves} from "./LedgerLeaves.sol";

/// @title Per-epoch Merkle roots of GreenCompute contribution receipts and cumulative host payouts.
/// @notice A RECORDER commits each epoch once, in strictly increasing epoch order (gaps allowed, epoch 0 never).
/// Nothing committed can be changed: a correction is a later epoch.
contract ContributionLedger is AccessControl {
    bytes32 public constant RECORDER_ROLE = keccak256("RECORDER_ROLE");

    /// @notice Totals over all receipts of one epoch. Units: watt-hours, core-seconds, counts; payoutAmount is
    /// what this epoch adds to all hosts' cumulative earnings, in base units of the payout token.
    struct EpochTotals {
        uint64 energyWh;
        uint64 usefulHeatWh;
        uint64 coreSeconds;
        uint64 tasks;
        uint32 nodes;
        uint128 payoutAmount;
    }

    struct EpochRecord {
        bytes32 receiptsRoot;
        bytes32 payoutsRoot;
        EpochTotals totals;
        uint64 committedAt;
    }

    error EpochAlreadyCommitted(uint64 epoch);
    error EpochNotAfterLatest(uint64 epoch, uint64 latestEpoch);

    event EpochCommitted(
        uint64 indexed epoch,
        bytes32 receiptsRoot,
        bytes32 payoutsRoot,
        EpochTotals totals,
        address indexed recorder
    );

    /// @notice The highest committed epoch; 0 while nothing is committed.
    uint64 public latestEpoch;

    mapping(uint64 epoch => EpochRecord) private _epochs;

    constructor(address admin, address recorder) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(RECORDER_ROLE, recorder);
    }

    function commitEpoch(uint64 epoch, bytes32 receiptsRoot, bytes32 payoutsRoot, EpochTotals calldata totals)
        external
        onlyRole(RECORDER_ROLE)
    {
        if (_epochs[epoch].committedAt != 0) {
            revert EpochAlreadyCommitted(epoch);
        }
        uint64 latest = latestEpoch;
        if (epoch <= latest) {
            revert EpochNotAfterLatest(epoch, latest);
        }

        _epochs[epoch] = EpochRecord(receiptsRoot, payoutsRoot, totals, uint64(block.timestamp));
        latestEpoch = epoch;
        emit EpochCommitted(epoch, receiptsRoot, payoutsRoot, totals, msg.sender);
    }

    /// @notice The record of an epoch; all zero (committedAt 0) when it was never committed.
    function getEpoch(uint64 epoch) external view returns (EpochRecord memory) {
        return _epochs[epoch];
    }

    function isCommitted(uint64 epoch) public view returns (bool) {
        return _epochs[epoch].committedAt != 0;
    }

    /// @notice The payouts root of the latest epoch (each host's CUMULATIVE earnings); (0, 0) before any commit.
    function latestPayoutsRoot() external view returns (uint64 epoch, bytes32 root) {
        epoch = latestEpoch;
        root = _epochs[epoch].payoutsRoot;
    }

    /// @notice True when `leaf` (a receipt leaf hash, see receiptLeaf) is in the receipts tree of `epoch`.
    function verifyReceipt(uint64 epoch, bytes32 leaf, bytes32[] calldata proof) external view returns (bool) {
        if (!isCommitted(epoch)) {
            return false;
        }
        return MerkleProof.verifyCalldata(proof, _epochs[epoch].receiptsRoot, leaf);
    }

    /// @notice The leaf hash of a receipt, exactly as verifyReceipt expects it (for off-chain cross-checks).
    function receiptLeaf(LedgerLeaves.Receipt calldata receipt) external pure returns (bytes32) {
        return LedgerLeaves.receiptLeaf(receipt);
    }
}
