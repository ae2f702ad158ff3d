// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title Device signing address <-> node id <-> host payout address, written at pairing by a REGISTRAR.
/// @notice Rules: a node has at most one device and a device at most one node. Pairing a node that already has
/// another device replaces it (key rotation: the old device is unpaired, DeviceUnpaired is emitted). Pairing a
/// device that belongs to another node reverts with DeviceAlreadyPaired (unpair it first). Pairing the same
/// device and node again updates the payout address and pairedAt.
contract DeviceRegistry is AccessControl {
    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");

    struct Pairing {
        bytes32 nodeId;
        address device;
        address payout;
        uint64 pairedAt;
    }

    error ZeroNodeId();
    error ZeroAddress();
    error DeviceAlreadyPaired(address device, bytes32 nodeId);
    error NodeNotPaired(bytes32 nodeId);

    event DevicePaired(bytes32 indexed nodeId, address indexed device, address indexed payout);
    event DeviceUnpaired(bytes32 indexed nodeId, address indexed device);
    event PayoutChanged(bytes32 indexed nodeId, address indexed previousPayout, address indexed payout);

    mapping(bytes32 nodeId => Pairing) private _byNode;
    mapping(address device => bytes32 nodeId) private _nodeOfDevice;

    constructor(address admin, address registrar) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(REGISTRAR_ROLE, registrar);
    }

    function pair(bytes32 nodeId, address device, address payout) external onlyRole(REGISTRAR_ROLE) {
        if (nodeId == bytes32(0)) {
            revert ZeroNodeId();
        }
        if (device == address(0) || payout == address(0)) {
            revert ZeroAddress();
        }
        bytes32 deviceNode = _nodeOfDevice[device];
        if (deviceNode != bytes32(0) && deviceNode != nodeId) {
            revert DeviceAlreadyPaired(device, deviceNode);
        }
        address previous = _byNode[nodeId].device;
        if (previous != address(0) && previous != device) {
            delete _nodeOfDevice[previous];
            emit DeviceUnpaired(nodeId, previous);
        }

        _byNode[nodeId] = Pairing(nodeId, device, payout, uint64(block.timestamp));
        _nodeOfDevice[device] = nodeId;
        emit DevicePaired(nodeId, device, payout);
    }

    function unpair(bytes32 nodeId) external onlyRole(REGISTRAR_ROLE) {
        address device = _byNode[nodeId].device;
        if (device == address(0)) {
            revert NodeNotPaired(nodeId);
        }
        delete _nodeOfDevice[device];
        delete _byNode[nodeId];
        emit DeviceUnpaired(nodeId, device);
    }

    function setPayout(bytes32 nodeId, address payout) external onlyRole(REGISTRAR_ROLE) {
        if (payout == address(0)) {
            revert ZeroAddress();
        }
        Pairing storage pairing = _byNode[nodeId];
        if (pairing.device == address(0)) {
            revert NodeNotPaired(nodeId);
        }
        address previous = pairing.payout;
        pairing.payout = payout;
        emit PayoutChanged(nodeId, previous, payout);
    }

    /// @notice The pairing of a node; all zero when the node is not paired.
    function getByNode(bytes32 nodeId) external view returns (Pairing memory) {
        return _byNode[nodeId];
    }

    /// @notice The pairing a device signing address belongs to; all zero when the device is not paired.
    function getByDevice(address device) external view returns (Pairing memory) {
        return _byNode[_nodeOfDevice[device]];
    }
}
