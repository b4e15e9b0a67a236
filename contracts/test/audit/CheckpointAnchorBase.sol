// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {CheckpointAnchor} from "../../src/audit/CheckpointAnchor.sol";
import {Rfc6962Tree} from "./Rfc6962Tree.sol";

/// @notice Shared setup of the CheckpointAnchor suites: one registered log with an operator and a submitter.
abstract contract CheckpointAnchorBase is Test {
    address internal constant OPERATOR = address(0x0BE7A70B);
    address internal constant SUBMITTER = address(0x5B317);
    address internal constant STRANGER = address(0xBAD);

    CheckpointAnchor internal _anchor;
    bytes32 internal _logId;

    function setUp() public virtual {
        _anchor = new CheckpointAnchor();
        _logId = _register(OPERATOR, "example.com/log", SUBMITTER);
    }

    function _register(address operator, string memory origin, address submitter) internal returns (bytes32) {
        vm.prank(operator);
        return _anchor.registerLog(keccak256(bytes(origin)), submitter);
    }

    /// @dev Anchors (size, root) on `logId` as the submitter.
    function _submit(bytes32 logId, uint64 size, bytes32 root, bytes32[] memory proof) internal {
        vm.prank(SUBMITTER);
        _anchor.anchor(logId, size, root, proof);
    }

    /// @dev Anchoring (size, root, proof) on the default log reverts with `reason` and leaves its checkpoint as is.
    function _expectRejected(uint64 size, bytes32 root, bytes32[] memory proof, bytes memory reason) internal {
        bytes32 before = keccak256(abi.encode(_anchor.latest(_logId)));
        vm.prank(SUBMITTER);
        vm.expectRevert(reason);
        _anchor.anchor(_logId, size, root, proof);
        assertEq(keccak256(abi.encode(_anchor.latest(_logId))), before, "checkpoint changed");
    }

    function _assertLatest(bytes32 logId, uint64 size, bytes32 root, uint64 anchorCount) internal view {
        CheckpointAnchor.Checkpoint memory checkpoint = _anchor.latest(logId);
        assertEq(checkpoint.size, size, "size");
        assertEq(checkpoint.root, root, "root");
        assertEq(checkpoint.anchorCount, anchorCount, "anchorCount");
    }

    function _none() internal pure returns (bytes32[] memory) {
        return new bytes32[](0);
    }
}
