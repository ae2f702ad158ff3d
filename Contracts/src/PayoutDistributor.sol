// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {ContributionLedger} from "./ContributionLedger.sol";
import {LedgerLeaves} from "./LedgerLeaves.sol";

/// @title Pays hosts their earnings by cumulative Merkle claims against the ledger's latest payouts root.
/// @notice The latest payouts tree holds, per host payout account, its cumulative earnings since the start.
/// claim pays cumulativeAmount - claimed[account], to `account` only, whoever sends the transaction.
/// Nothing left to pay reverts with NothingToClaim: a claim never succeeds twice for the same total.
contract PayoutDistributor {
    using SafeERC20 for IERC20;

    IERC20 public immutable token;
    ContributionLedger public immutable ledger;

    /// @notice Cumulative amount already paid to each account, in token base units.
    mapping(address account => uint256) public claimed;

    error InvalidProof(address account, uint256 cumulativeAmount, uint64 epoch);
    error NothingToClaim(address account, uint256 cumulativeAmount, uint256 alreadyClaimed);

    event Claimed(address indexed account, uint256 amount, uint256 cumulativeAmount, uint64 indexed epoch);

    constructor(IERC20 token_, ContributionLedger ledger_) {
        token = token_;
        ledger = ledger_;
    }

    function claim(address account, uint256 cumulativeAmount, bytes32[] calldata proof) external returns (uint256 paid) {
        (uint64 epoch, bytes32 root) = ledger.latestPayoutsRoot();
        if (!MerkleProof.verifyCalldata(proof, root, LedgerLeaves.payoutLeaf(account, cumulativeAmount))) {
            revert InvalidProof(account, cumulativeAmount, epoch);
        }
        uint256 already = claimed[account];
        if (cumulativeAmount <= already) {
            revert NothingToClaim(account, cumulativeAmount, already);
        }

        paid = cumulativeAmount - already;
        claimed[account] = cumulativeAmount;
        token.safeTransfer(account, paid);
        emit Claimed(account, paid, cumulativeAmount, epoch);
    }

    /// @notice What claim(account, cumulativeAmount, proof) would pay now (0 when the proof does not verify).
    function claimable(address account, uint256 cumulativeAmount, bytes32[] calldata proof) external view returns (uint256) {
        (, bytes32 root) = ledger.latestPayoutsRoot();
        uint256 already = claimed[account];
        if (cumulativeAmount <= already || !MerkleProof.verifyCalldata(proof, root, LedgerLeaves.payoutLeaf(account, cumulativeAmount))) {
            return 0;
        }
        return cumulativeAmount - already;
    }

    /// @notice The leaf hash of (account, cumulativeAmount), exactly as claim expects it (for off-chain cross-checks).
    function payoutLeaf(address account, uint256 cumulativeAmount) external pure returns (bytes32) {
        return LedgerLeaves.payoutLeaf(account, cumulativeAmount);
    }
}
