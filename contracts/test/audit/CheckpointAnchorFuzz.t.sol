// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {CheckpointAnchor} from "../../src/audit/CheckpointAnchor.sol";
import {CheckpointAnchorBase} from "./CheckpointAnchorBase.sol";
import {Rfc6962Tree} from "./Rfc6962Tree.sol";

/// @notice Random trees of up to 300 leaves, the first m anchored: the genuine proof to n is accepted, and every
///         tampered variant is rejected with the checkpoint left as it was.
contract CheckpointAnchorFuzzTest is CheckpointAnchorBase {
    using Rfc6962Tree for Rfc6962Tree.Tree;

    struct Case {
        Rfc6962Tree.Tree tree;
        uint64 m;
        uint64 n;
        bytes32 rootN;
        bytes32[] proof;
    }

    function testFuzz_AcceptsValidProof(uint256 seed, uint256 m, uint256 n) public {
        Case memory c = _anchored(seed, m, n, 0);
        vm.expectEmit(true, true, true, true);
        emit CheckpointAnchor.CheckpointAnchored(_logId, c.n, c.rootN, c.m);
        _submit(_logId, c.n, c.rootN, c.proof);
        _assertLatest(_logId, c.n, c.rootN, 2);
    }

    function testFuzz_RejectsBitFlip(uint256 seed, uint256 m, uint256 n, uint256 index, uint8 bit) public {
        Case memory c = _anchored(seed, m, n, 0);
        c.proof[index % c.proof.length] ^= _bit(bit);
        _expectRejected(c.n, c.rootN, c.proof, _inconsistent(c));
    }

    function testFuzz_RejectsMissingElement(uint256 seed, uint256 m, uint256 n, uint256 index) public {
        Case memory c = _anchored(seed, m, n, 0);
        uint256 length = c.proof.length;
        bytes32[] memory shorter = new bytes32[](length - 1);
        index %= length; // drops proof[index]; index == length - 1 truncates
        for (uint256 i; i < shorter.length; ++i) {
            shorter[i] = c.proof[i < index ? i : i + 1];
        }
        _expectRejected(c.n, c.rootN, shorter, _badLength(length, length - 1));
    }

    function testFuzz_RejectsExtraElement(uint256 seed, uint256 m, uint256 n, uint256 index, bytes32 extra) public {
        Case memory c = _anchored(seed, m, n, 0);
        uint256 length = c.proof.length;
        bytes32[] memory longer = new bytes32[](length + 1);
        index %= length + 1; // extra lands at longer[index]; index == length appends
        for (uint256 i; i < longer.length; ++i) {
            longer[i] = i == index ? extra : c.proof[i < index ? i : i - 1];
        }
        _expectRejected(c.n, c.rootN, longer, _badLength(length, length + 1));
    }

    /// @notice A size whose proof would have another shape is rejected. A size with the same shape cannot be told
    ///         apart by any consistency proof (see MerkleConsistencyTest), so it is accepted, as by the reference.
    function testFuzz_RejectsWrongSize(uint256 seed, uint256 m, uint256 n, uint256 other) public {
        Case memory c = _anchored(seed, m, n, 0);
        uint64 size = uint64(bound(other, c.m + 1, 2 * uint256(c.n)));
        vm.assume(size != c.n);
        bytes memory shape = Rfc6962Tree.shape(c.m, size);
        if (keccak256(shape) == keccak256(Rfc6962Tree.shape(c.m, c.n))) {
            _submit(_logId, size, c.rootN, c.proof);
            _assertLatest(_logId, size, c.rootN, 2);
            return;
        }
        bytes memory reason = shape.length == c.proof.length
            ? abi.encodeWithSelector(CheckpointAnchor.Anchor_InconsistentProof.selector, c.m, size)
            : _badLength(shape.length, c.proof.length);
        _expectRejected(size, c.rootN, c.proof, reason);
    }

    function testFuzz_RejectsWrongOldRoot(uint256 seed, uint256 m, uint256 n, uint8 bit) public {
        Case memory c = _anchored(seed, m, n, _bit(bit));
        _expectRejected(c.n, c.rootN, c.proof, _inconsistent(c));
    }

    function testFuzz_RejectsWrongNewRoot(uint256 seed, uint256 m, uint256 n, uint8 bit) public {
        Case memory c = _anchored(seed, m, n, 0);
        _expectRejected(c.n, c.rootN ^ _bit(bit), c.proof, _inconsistent(c));
    }

    /// @dev A random tree of n leaves (2..300) whose first m (1..n-1) are anchored, with their root XOR `rootMask`.
    function _anchored(uint256 seed, uint256 m, uint256 n, bytes32 rootMask) private returns (Case memory c) {
        c.n = uint64(bound(n, 2, 300));
        c.m = uint64(bound(m, 1, c.n - 1));
        c.tree = Rfc6962Tree.random(seed, c.n);
        c.rootN = c.tree.root(c.n);
        c.proof = c.tree.consistencyProof(c.m, c.n);
        _submit(_logId, c.m, c.tree.root(c.m) ^ rootMask, _none());
    }

    function _inconsistent(Case memory c) private pure returns (bytes memory) {
        return abi.encodeWithSelector(CheckpointAnchor.Anchor_InconsistentProof.selector, c.m, c.n);
    }

    function _badLength(uint256 expected, uint256 actual) private pure returns (bytes memory) {
        return abi.encodeWithSelector(CheckpointAnchor.Anchor_BadProofLength.selector, expected, actual);
    }

    function _bit(uint8 bit) private pure returns (bytes32) {
        return bytes32(uint256(1) << bit);
    }
}
