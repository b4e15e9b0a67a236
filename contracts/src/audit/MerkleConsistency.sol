// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title MerkleConsistency
/// @notice Verifies RFC 9162 §2.1.4.2 consistency proofs between two RFC 6962 Merkle tree heads (SHA-256,
///         node = SHA-256(0x01 || left || right)). A port of `VerifyConsistency` from the transparency-dev/merkle
///         Go reference: same accepted and rejected inputs, including its test vectors.
/// @dev The proof is the RFC 6962 §2.1.2 PROOF(size1, D[size2]) list. When size1 is not a power of two its first
///      hash is the "seed" (the largest perfect subtree on the old tree's right edge); the rest is a suffix of the
///      inclusion path of leaf size1 - 1 in the new tree, split into `inner` hashes (below the level where the two
///      paths join) and `border` hashes (left siblings above it). A single pass rebuilds both roots from it.
library MerkleConsistency {
    /// @notice Whether `proof` shows that the tree (`size2`, `root2`) is an append-only extension of the tree
    ///         (`size1`, `root1`).
    /// @dev Rejects `size1 == 0` (the reference does: an empty tree is consistent with anything, so a proof from
    ///      it says nothing) and `size1 > size2`. Equal sizes need an empty proof and equal roots. `view` only
    ///      because it calls the SHA-256 precompile from assembly (cheaper than `sha256()`); it reads no state.
    function verify(uint64 size1, uint64 size2, bytes32 root1, bytes32 root2, bytes32[] calldata proof)
        internal
        view
        returns (bool)
    {
        if (size1 == 0 || size1 > size2) return false;
        if (size1 == size2) return proof.length == 0 && root1 == root2;
        (uint256 start, uint256 inner, uint256 border, uint256 mask) = _shape(size1, size2);
        if (proof.length != start + inner + border) return false;

        bytes32 hash1 = start == 0 ? root1 : proof[0];
        bytes32 hash2 = hash1;
        unchecked {
            for (uint256 i; i < inner; ++i) {
                bytes32 sibling = proof[start + i];
                if ((mask >> i) & 1 == 1) {
                    hash1 = _node(sibling, hash1);
                    hash2 = _node(sibling, hash2);
                } else {
                    hash2 = _node(hash2, sibling);
                }
            }
            for (uint256 i = start + inner; i < proof.length; ++i) {
                hash1 = _node(proof[i], hash1);
                hash2 = _node(proof[i], hash2);
            }
        }
        return hash1 == root1 && hash2 == root2;
    }

    /// @notice The number of hashes in a consistency proof from size `size1` to size `size2`.
    /// @dev 0 when `size1 == 0` or `size1 >= size2`: no proof is needed (equal sizes) or none can verify.
    function proofLength(uint64 size1, uint64 size2) internal pure returns (uint256) {
        if (size1 == 0 || size1 >= size2) return 0;
        (uint256 start, uint256 inner, uint256 border,) = _shape(size1, size2);
        return start + inner + border;
    }

    /// @dev Decomposes the proof for 0 < size1 < size2, as `decompInclProof` in the reference: `start` is 1 when
    ///      the proof opens with the seed hash (size1 not a power of two), `inner` and `border` count the hashes
    ///      after it, and bit i of `mask` says whether inner hash i is a left sibling (old-tree content).
    function _shape(uint64 size1, uint64 size2)
        private
        pure
        returns (uint256 start, uint256 inner, uint256 border, uint256 mask)
    {
        unchecked {
            uint256 last = size1 - 1;
            uint256 shift = _bitLength(size1 ^ last) - 1; // trailing zeros of size1
            uint256 joined = _bitLength(last ^ (size2 - 1)); // levels below the paths' junction, > shift
            start = size1 >> shift == 1 ? 0 : 1; // 0 when size1 is a power of two
            inner = joined - shift;
            border = _popCount(last >> joined);
            mask = last >> shift;
        }
    }

    /// @dev SHA-256(0x01 || left || right): the 65 bytes are written just past the free memory pointer (scratch
    ///      memory that Solidity allows, nothing is allocated) and hashed by the SHA-256 precompile at address 2.
    function _node(bytes32 left, bytes32 right) private view returns (bytes32 hash) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore8(ptr, 0x01)
            mstore(add(ptr, 0x01), left)
            mstore(add(ptr, 0x21), right)
            if iszero(staticcall(gas(), 0x02, ptr, 0x41, 0x00, 0x20)) { revert(0x00, 0x00) }
            hash := mload(0x00)
        }
    }

    /// @dev Bits needed to write x (0 for 0), for x < 2**64.
    function _bitLength(uint256 x) private pure returns (uint256 n) {
        unchecked {
            if (x >> 32 != 0) (x, n) = (x >> 32, 32);
            if (x >> 16 != 0) (x, n) = (x >> 16, n + 16);
            if (x >> 8 != 0) (x, n) = (x >> 8, n + 8);
            if (x >> 4 != 0) (x, n) = (x >> 4, n + 4);
            if (x >> 2 != 0) (x, n) = (x >> 2, n + 2);
            if (x >> 1 != 0) (x, n) = (x >> 1, n + 1);
            return n + x;
        }
    }

    /// @dev Set bits in x.
    function _popCount(uint256 x) private pure returns (uint256 n) {
        unchecked {
            for (; x != 0; ++n) {
                x &= x - 1;
            }
        }
    }
}
