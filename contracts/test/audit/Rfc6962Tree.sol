// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Rfc6962Tree
/// @notice Test helper: RFC 6962 Merkle trees built the plain way (MTH and SUBPROOF of §2.1 and §2.1.2, no bit
///         tricks), so the verifier under test is checked against genuine roots and consistency proofs.
/// @dev Two kinds of tree. `random` keeps every leaf hash (MTH costs O(n)); `uniform` has identical leaves, so a
///      perfect subtree's hash depends only on its height and MTH of any prefix costs O(log² n): its proofs are real
///      RFC 6962 proofs for trees of up to 2**63 leaves, though many of its subtrees share a hash.
library Rfc6962Tree {
    struct Tree {
        uint256 size;
        bytes32[] leaves; // every leaf hash (random trees), or empty (uniform trees)
        bytes32[] perfect; // perfect[h]: hash of 2**h identical leaves (uniform trees)
    }

    /// @notice A tree of `size` leaves whose data is abi.encode(seed, index).
    function random(uint256 seed, uint256 size) internal pure returns (Tree memory t) {
        bytes32[] memory leaves = new bytes32[](size);
        for (uint256 i; i < size; ++i) {
            leaves[i] = leafHash(abi.encode(seed, i));
        }
        return fromLeafHashes(leaves);
    }

    /// @notice The tree over these leaf hashes.
    function fromLeafHashes(bytes32[] memory leaves) internal pure returns (Tree memory t) {
        t.size = leaves.length;
        t.leaves = leaves;
    }

    /// @notice A tree of `size` leaves that all hold abi.encode(seed).
    function uniform(uint256 seed, uint256 size) internal pure returns (Tree memory t) {
        t.size = size;
        t.perfect = new bytes32[](64);
        t.perfect[0] = leafHash(abi.encode(seed));
        for (uint256 h = 1; h < 64; ++h) {
            t.perfect[h] = nodeHash(t.perfect[h - 1], t.perfect[h - 1]);
        }
    }

    function leafHash(bytes memory data) internal pure returns (bytes32) {
        return sha256(abi.encodePacked(bytes1(0x00), data));
    }

    function nodeHash(bytes32 left, bytes32 right) internal pure returns (bytes32) {
        return sha256(abi.encodePacked(bytes1(0x01), left, right));
    }

    /// @notice MTH(D[0:n]), the root of the tree's first n leaves.
    function root(Tree memory t, uint256 n) internal pure returns (bytes32) {
        require(n <= t.size, "Rfc6962Tree: n > size");
        return n == 0 ? sha256("") : _mth(t, 0, n);
    }

    /// @notice PROOF(m, D[0:n]) of RFC 6962 §2.1.2, for 0 < m <= n.
    function consistencyProof(Tree memory t, uint256 m, uint256 n) internal pure returns (bytes32[] memory proof) {
        require(0 < m && m <= n && n <= t.size, "Rfc6962Tree: bad sizes");
        proof = new bytes32[](128);
        uint256 length = _subproof(t, m, 0, n, true, proof, 0);
        assembly ("memory-safe") {
            mstore(proof, length)
        }
    }

    /// @notice What each hash of PROOF(m, D[0:n]) is, from the same recursion without hashing: 'S' the seed (a
    ///         subtree of the old tree), 'R' a right sibling (new content), 'L' a left sibling. A verifier only sees
    ///         this shape, so two sizes with the same shape cannot be told apart by the proof alone.
    function shape(uint256 m, uint256 n) internal pure returns (bytes memory out) {
        require(0 < m && m <= n, "Rfc6962Tree: bad sizes");
        out = new bytes(128);
        uint256 length = _shape(m, n, true, out, 0);
        assembly ("memory-safe") {
            mstore(out, length)
        }
    }

    function _mth(Tree memory t, uint256 start, uint256 n) private pure returns (bytes32) {
        if (t.leaves.length == 0 && n & (n - 1) == 0) return t.perfect[_log2(n)];
        if (n == 1) return t.leaves[start];
        uint256 k = _split(n);
        return nodeHash(_mth(t, start, k), _mth(t, start + k, n - k));
    }

    /// @dev SUBPROOF(m, D[start:start+n], whole), appended to out[length:]; returns the new length.
    function _subproof(
        Tree memory t,
        uint256 m,
        uint256 start,
        uint256 n,
        bool whole,
        bytes32[] memory out,
        uint256 length
    ) private pure returns (uint256) {
        if (m == n) {
            if (!whole) out[length++] = _mth(t, start, n);
            return length;
        }
        uint256 k = _split(n);
        if (m <= k) {
            length = _subproof(t, m, start, k, whole, out, length);
            out[length++] = _mth(t, start + k, n - k);
        } else {
            length = _subproof(t, m - k, start + k, n - k, false, out, length);
            out[length++] = _mth(t, start, k);
        }
        return length;
    }

    function _shape(uint256 m, uint256 n, bool whole, bytes memory out, uint256 length) private pure returns (uint256) {
        if (m == n) {
            if (!whole) out[length++] = "S";
            return length;
        }
        uint256 k = _split(n);
        if (m <= k) {
            length = _shape(m, k, whole, out, length);
            out[length++] = "R";
        } else {
            length = _shape(m - k, n - k, false, out, length);
            out[length++] = "L";
        }
        return length;
    }

    /// @dev The largest power of two smaller than n (n > 1).
    function _split(uint256 n) private pure returns (uint256 k) {
        k = 1;
        while (k << 1 < n) k <<= 1;
    }

    function _log2(uint256 n) private pure returns (uint256 h) {
        while (n >> (h + 1) != 0) ++h;
    }
}
