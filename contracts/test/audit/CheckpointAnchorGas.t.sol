// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {CheckpointAnchor} from "../../src/audit/CheckpointAnchor.sol";
import {CheckpointAnchorBase} from "./CheckpointAnchorBase.sol";
import {Rfc6962Tree} from "./Rfc6962Tree.sol";

/// @notice Gas of `anchor` with a consistency proof, as a real transaction would pay it: the contract's storage is
///         made cold (`vm.cool`) before the measured call. Printed with `forge test --match-contract Gas -vv`:
///         `exec` is the call's own gas (`vm.lastCallGas`), `tx` adds the 21000 base and the calldata bytes (4 gas
///         per zero byte, 16 per other byte), and `verifyConsistency exec` is the proof check alone. Trees of ~1e3 leaves are random; trees of ~1e6 leaves hold identical
///         leaves (see Rfc6962Tree.uniform): the proofs are genuine RFC 6962 proofs either way, and the verifier's
///         gas depends only on the two sizes, never on the hashes.
contract CheckpointAnchorGasTest is CheckpointAnchorBase {
    using Rfc6962Tree for Rfc6962Tree.Tree;

    function test_GasFirstAnchor() public {
        _measure(_logId, 1_000_000, keccak256("root"), _none(), "first anchor, no proof");
    }

    function test_GasAnchor1e3() public {
        _measureGrowth(Rfc6962Tree.random(1, 2047), 1000, 1500); // 9 hashes
        _measureGrowth(Rfc6962Tree.random(2, 2047), 1023, 2047); // 12 hashes
        _measureGrowth(Rfc6962Tree.uniform(3, 2047), 1023, 2047); // same sizes, identical leaves: same gas
    }

    function test_GasAnchor1e6() public {
        _measureGrowth(Rfc6962Tree.uniform(4, 2_000_001), 1_000_000, 1_500_000); // 16 hashes
        _measureGrowth(Rfc6962Tree.uniform(5, 2_000_001), 1_000_001, 2_000_001); // 22 hashes
    }

    /// @dev Anchors (m, root m) on a fresh log, then measures anchoring (n, root n) with the proof.
    function _measureGrowth(Rfc6962Tree.Tree memory tree, uint64 m, uint64 n) private {
        bytes32 logId = _register(OPERATOR, string(abi.encode(tree.root(1), m, n)), SUBMITTER);
        _submit(logId, m, tree.root(m), _none());
        bytes32[] memory proof = tree.consistencyProof(m, n);
        string memory label = string.concat(vm.toString(m), " -> ", vm.toString(n), ", ", vm.toString(proof.length));
        _measure(logId, n, tree.root(n), proof, string.concat(label, " hashes"));
        _assertLatest(logId, n, tree.root(n), 2);
        assertTrue(_anchor.verifyConsistency(m, n, tree.root(m), tree.root(n), proof), "verifyConsistency");
        emit log_named_uint(string.concat(label, " hashes: verifyConsistency exec"), vm.lastCallGas().gasTotalUsed);
    }

    function _measure(bytes32 logId, uint64 size, bytes32 root, bytes32[] memory proof, string memory label) private {
        vm.cool(address(_anchor));
        _submit(logId, size, root, proof);
        uint256 exec = vm.lastCallGas().gasTotalUsed;
        uint256 data = _calldataGas(abi.encodeCall(CheckpointAnchor.anchor, (logId, size, root, proof)));
        emit log_named_uint(string.concat(label, ": exec"), exec);
        emit log_named_uint(string.concat(label, ": tx"), 21_000 + data + exec);
    }

    function _calldataGas(bytes memory data) private pure returns (uint256 gas) {
        for (uint256 i; i < data.length; ++i) {
            gas += data[i] == 0 ? 4 : 16;
        }
    }
}
