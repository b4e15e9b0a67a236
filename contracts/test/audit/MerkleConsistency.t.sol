// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {MerkleConsistencyHarness} from "./MerkleConsistencyHarness.sol";
import {Rfc6962Tree} from "./Rfc6962Tree.sol";

contract MerkleConsistencyTest is Test {
    using Rfc6962Tree for Rfc6962Tree.Tree;

    MerkleConsistencyHarness private _verifier;

    function setUp() public {
        _verifier = new MerkleConsistencyHarness();
    }

    function test_AcceptsEveryPairUpTo32() public view {
        Rfc6962Tree.Tree memory tree = Rfc6962Tree.random(1, 32);
        for (uint64 n = 1; n <= 32; ++n) {
            bytes32 rootN = tree.root(n);
            for (uint64 m = 1; m <= n; ++m) {
                bytes32[] memory proof = tree.consistencyProof(m, n);
                assertEq(_verifier.proofLength(m, n), proof.length, "proofLength");
                assertTrue(_verifier.verify(m, n, tree.root(m), rootN, proof), "valid proof rejected");
            }
        }
    }

    function test_RejectsSizeZero() public view {
        bytes32 empty = sha256("");
        Rfc6962Tree.Tree memory tree = Rfc6962Tree.random(2, 3);
        assertFalse(_verifier.verify(0, 0, empty, empty, new bytes32[](0)), "0 -> 0");
        assertFalse(_verifier.verify(0, 3, empty, tree.root(3), new bytes32[](0)), "0 -> 3, empty proof");
        assertFalse(_verifier.verify(0, 3, empty, tree.root(3), tree.consistencyProof(3, 3)), "0 -> 3");
        assertEq(_verifier.proofLength(0, 3), 0, "proofLength(0, 3)");
    }

    function test_RejectsShrinkingAndEqualSizeMismatches() public view {
        Rfc6962Tree.Tree memory tree = Rfc6962Tree.random(3, 5);
        bytes32[] memory none = new bytes32[](0);
        bytes32[] memory proof = tree.consistencyProof(2, 5);
        assertFalse(_verifier.verify(5, 2, tree.root(5), tree.root(2), proof), "5 -> 2");
        assertFalse(_verifier.verify(5, 2, tree.root(5), tree.root(2), none), "5 -> 2, empty proof");
        assertFalse(_verifier.verify(5, 5, tree.root(5), tree.root(4), none), "equal sizes, other root");
        assertFalse(_verifier.verify(5, 5, tree.root(5), tree.root(5), proof), "equal sizes, non-empty proof");
        assertFalse(_verifier.verify(2, 5, tree.root(2), tree.root(5), none), "empty proof");
        assertEq(_verifier.proofLength(5, 2), 0, "proofLength(5, 2)");
    }

    /// @notice Real proofs between huge trees (up to 2**64 - 1 leaves, identical leaves), exercising the high bits.
    function testFuzz_AcceptsHugeTrees(uint256 seed, uint64 m, uint64 n) public view {
        n = uint64(bound(n, 2, type(uint64).max));
        m = uint64(bound(m, 1, n - 1));
        Rfc6962Tree.Tree memory tree = Rfc6962Tree.uniform(seed, n);
        bytes32[] memory proof = tree.consistencyProof(m, n);
        assertEq(_verifier.proofLength(m, n), proof.length, "proofLength");
        assertTrue(_verifier.verify(m, n, tree.root(m), tree.root(n), proof), "valid proof rejected");
        assertFalse(_verifier.verify(m, n, tree.root(m), tree.root(n - 1), proof), "other root accepted");
    }

    /// @notice A consistency proof binds the new tree's size only through its shape (which hashes are left or right
    ///         siblings): the same proof and roots verify for another size exactly when that size's proof has the
    ///         same shape. Anything else is rejected.
    function testFuzz_OtherSizeVerifiesOnlyWithSameShape(uint256 seed, uint256 m, uint256 n, uint256 other)
        public
        view
    {
        n = bound(n, 2, 200);
        m = bound(m, 1, n - 1);
        other = bound(other, m + 1, 256);
        vm.assume(other != n);
        Rfc6962Tree.Tree memory tree = Rfc6962Tree.random(seed, n);
        bool sameShape = keccak256(Rfc6962Tree.shape(m, n)) == keccak256(Rfc6962Tree.shape(m, other));
        bool ok = _verifier.verify(uint64(m), uint64(other), tree.root(m), tree.root(n), tree.consistencyProof(m, n));
        assertEq(ok, sameShape, "accepted iff same shape");
    }

    function test_SameShapeExample() public view {
        // 5 -> 7 and 5 -> 8 both have shape S R R L (seed = leaf 4): the proof cannot tell a right-hand leaf from a subtree.
        assertEq(keccak256(Rfc6962Tree.shape(5, 7)), keccak256(Rfc6962Tree.shape(5, 8)), "shape");
        Rfc6962Tree.Tree memory tree = Rfc6962Tree.random(4, 7);
        assertTrue(_verifier.verify(5, 8, tree.root(5), tree.root(7), tree.consistencyProof(5, 7)), "5 -> 8");
    }
}
