// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {CheckpointAnchor} from "../../src/audit/CheckpointAnchor.sol";
import {CheckpointAnchorBase} from "./CheckpointAnchorBase.sol";
import {Rfc6962Tree} from "./Rfc6962Tree.sol";

contract CheckpointAnchorTest is CheckpointAnchorBase {
    using Rfc6962Tree for Rfc6962Tree.Tree;

    // --- registration and submitters ---

    function test_RegisterLog() public {
        bytes32 originHash = keccak256("sextant.dev/audit");
        bytes32 logId = _anchor.logIdOf(OPERATOR, originHash);
        assertEq(logId, keccak256(abi.encode(OPERATOR, originHash)), "logIdOf");
        vm.expectEmit(true, true, true, true);
        emit CheckpointAnchor.LogRegistered(logId, OPERATOR, originHash);
        vm.expectEmit(true, true, true, true);
        emit CheckpointAnchor.SubmitterSet(logId, SUBMITTER, true);
        vm.prank(OPERATOR);
        assertEq(_anchor.registerLog(originHash, SUBMITTER), logId, "returned id");

        assertEq(_anchor.operatorOf(logId), OPERATOR, "operator");
        assertTrue(_anchor.isSubmitter(logId, OPERATOR), "operator may anchor");
        assertTrue(_anchor.isSubmitter(logId, SUBMITTER), "submitter may anchor");
        assertFalse(_anchor.isSubmitter(logId, STRANGER), "stranger may not");
        _assertLatest(logId, 0, bytes32(0), 0);
    }

    function test_RegisterLogWithoutSubmitter() public {
        bytes32 logId = _register(OPERATOR, "solo.example/log", address(0));
        assertFalse(_anchor.isSubmitter(logId, SUBMITTER), "no submitter");
        assertFalse(_anchor.isSubmitter(logId, address(0)), "zero address");
        vm.prank(OPERATOR);
        _anchor.anchor(logId, 1, keccak256("root"), _none());
        _assertLatest(logId, 1, keccak256("root"), 1);
    }

    function test_RevertWhen_ReRegistering() public {
        vm.prank(OPERATOR);
        vm.expectRevert(abi.encodeWithSelector(CheckpointAnchor.Anchor_LogExists.selector, _logId));
        _anchor.registerLog(keccak256("example.com/log"), address(0));
    }

    /// @notice Registering someone else's origin gives the squatter its own id, not theirs.
    function test_SameOriginOtherOperatorIsAnotherLog() public {
        bytes32 squatted = _register(STRANGER, "example.com/log", STRANGER);
        assertTrue(squatted != _logId, "distinct ids");
        assertEq(_anchor.operatorOf(_logId), OPERATOR, "original operator kept");
    }

    function test_OperatorManagesSubmitters() public {
        vm.expectEmit(true, true, true, true);
        emit CheckpointAnchor.SubmitterSet(_logId, STRANGER, true);
        vm.prank(OPERATOR);
        _anchor.setSubmitter(_logId, STRANGER, true);
        vm.prank(STRANGER);
        _anchor.anchor(_logId, 1, keccak256("leaf"), _none());

        vm.prank(OPERATOR);
        _anchor.setSubmitter(_logId, STRANGER, false);
        assertFalse(_anchor.isSubmitter(_logId, STRANGER), "removed");
        vm.prank(STRANGER);
        vm.expectRevert(abi.encodeWithSelector(CheckpointAnchor.Anchor_NotSubmitter.selector, _logId, STRANGER));
        _anchor.anchor(_logId, 2, keccak256("other"), _none());
    }

    function test_RevertWhen_NotOperatorSetsSubmitter() public {
        vm.prank(SUBMITTER);
        vm.expectRevert(abi.encodeWithSelector(CheckpointAnchor.Anchor_NotOperator.selector, _logId, SUBMITTER));
        _anchor.setSubmitter(_logId, STRANGER, true);
    }

    function test_RevertWhen_NotSubmitter() public {
        vm.prank(STRANGER);
        vm.expectRevert(abi.encodeWithSelector(CheckpointAnchor.Anchor_NotSubmitter.selector, _logId, STRANGER));
        _anchor.anchor(_logId, 1, keccak256("root"), _none());
        _assertLatest(_logId, 0, bytes32(0), 0);
    }

    function test_RevertWhen_UnknownLog() public {
        bytes32 unknown = keccak256("nobody");
        bytes memory reason = abi.encodeWithSelector(CheckpointAnchor.Anchor_UnknownLog.selector, unknown);
        vm.expectRevert(reason);
        _submit(unknown, 1, keccak256("root"), _none());
        vm.expectRevert(reason);
        _anchor.latest(unknown);
        vm.expectRevert(reason);
        _anchor.operatorOf(unknown);
        vm.expectRevert(reason);
        _anchor.isSubmitter(unknown, OPERATOR);
        vm.prank(OPERATOR);
        vm.expectRevert(reason);
        _anchor.setSubmitter(unknown, SUBMITTER, true);
    }

    // --- anchoring ---

    function test_FirstAnchor() public {
        vm.roll(1234);
        vm.warp(1_800_000_000);
        Rfc6962Tree.Tree memory tree = Rfc6962Tree.random(7, 5);
        vm.expectEmit(true, true, true, true);
        emit CheckpointAnchor.CheckpointAnchored(_logId, 5, tree.root(5), 0);
        _submit(_logId, 5, tree.root(5), _none());

        CheckpointAnchor.Checkpoint memory checkpoint = _anchor.latest(_logId);
        assertEq(checkpoint.size, 5, "size");
        assertEq(checkpoint.root, tree.root(5), "root");
        assertEq(checkpoint.blockNumber, 1234, "blockNumber");
        assertEq(checkpoint.timestamp, 1_800_000_000, "timestamp");
        assertEq(checkpoint.anchorCount, 1, "anchorCount");
    }

    function test_RevertWhen_FirstAnchorHasProof() public {
        bytes32[] memory proof = new bytes32[](1);
        _expectRejected(
            3, keccak256("root"), proof, abi.encodeWithSelector(CheckpointAnchor.Anchor_BadProofLength.selector, 0, 1)
        );
    }

    function test_RevertWhen_EmptyTree() public {
        bytes memory reason = abi.encodeWithSelector(CheckpointAnchor.Anchor_EmptyTree.selector);
        _expectRejected(0, sha256(""), _none(), reason);
        _submit(_logId, 2, keccak256("root"), _none());
        _expectRejected(0, sha256(""), _none(), reason);
    }

    function test_Growth() public {
        Rfc6962Tree.Tree memory tree = Rfc6962Tree.random(11, 34);
        uint64[6] memory sizes = [uint64(1), 3, 8, 13, 21, 34];
        _submit(_logId, 1, tree.root(1), _none());
        for (uint256 i = 1; i < sizes.length; ++i) {
            vm.roll(block.number + 1);
            vm.expectEmit(true, true, true, true);
            emit CheckpointAnchor.CheckpointAnchored(_logId, sizes[i], tree.root(sizes[i]), sizes[i - 1]);
            _submit(_logId, sizes[i], tree.root(sizes[i]), tree.consistencyProof(sizes[i - 1], sizes[i]));
            _assertLatest(_logId, sizes[i], tree.root(sizes[i]), uint64(i + 1));
            assertEq(_anchor.latest(_logId).blockNumber, block.number, "blockNumber");
        }
    }

    function test_AnchorsEveryPairUpTo20() public {
        Rfc6962Tree.Tree memory tree = Rfc6962Tree.random(20, 20);
        for (uint64 n = 2; n <= 20; ++n) {
            bytes32 rootN = tree.root(n);
            for (uint64 m = 1; m < n; ++m) {
                bytes32 logId = _register(OPERATOR, string(abi.encode(m, n)), SUBMITTER);
                _submit(logId, m, tree.root(m), _none());
                _submit(logId, n, rootN, tree.consistencyProof(m, n));
                _assertLatest(logId, n, rootN, 2);
            }
        }
    }

    function test_RevertWhen_NotNewer() public {
        Rfc6962Tree.Tree memory tree = Rfc6962Tree.random(3, 9);
        _submit(_logId, 9, tree.root(9), _none());
        bytes memory reason = abi.encodeWithSelector(CheckpointAnchor.Anchor_NotNewer.selector, 9, 9);
        _expectRejected(9, tree.root(9), _none(), reason);
        reason = abi.encodeWithSelector(CheckpointAnchor.Anchor_NotNewer.selector, 4, 9);
        _expectRejected(4, tree.root(4), tree.consistencyProof(4, 9), reason);
    }

    function test_RevertWhen_SameSizeOtherRoot() public {
        Rfc6962Tree.Tree memory tree = Rfc6962Tree.random(3, 9);
        _submit(_logId, 9, tree.root(9), _none());
        bytes memory reason = abi.encodeWithSelector(CheckpointAnchor.Anchor_InconsistentProof.selector, 9, 9);
        _expectRejected(9, Rfc6962Tree.random(4, 9).root(9), _none(), reason);
    }

    function test_VerifyConsistencyView() public view {
        Rfc6962Tree.Tree memory tree = Rfc6962Tree.random(5, 12);
        bytes32[] memory proof = tree.consistencyProof(7, 12);
        assertTrue(_anchor.verifyConsistency(7, 12, tree.root(7), tree.root(12), proof), "valid");
        assertFalse(_anchor.verifyConsistency(7, 12, tree.root(6), tree.root(12), proof), "wrong old root");
    }
}
