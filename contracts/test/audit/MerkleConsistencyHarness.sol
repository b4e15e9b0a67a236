// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {MerkleConsistency} from "../../src/audit/MerkleConsistency.sol";

/// @notice Exposes the internal library to tests (its proofs must be calldata).
contract MerkleConsistencyHarness {
    function verify(uint64 size1, uint64 size2, bytes32 root1, bytes32 root2, bytes32[] calldata proof)
        external
        view
        returns (bool)
    {
        return MerkleConsistency.verify(size1, size2, root1, root2, proof);
    }

    function proofLength(uint64 size1, uint64 size2) external pure returns (uint256) {
        return MerkleConsistency.proofLength(size1, size2);
    }
}
