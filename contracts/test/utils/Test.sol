// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Vm} from "./Vm.sol";

/// @title Test
/// @notice Minimal base for forge tests: the cheatcode handle, assertions that revert with a reason, and the
///         target selectors forge's invariant runner reads.
abstract contract Test {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    address[] private _targetContracts;
    FuzzSelector[] private _targetSelectors;

    /// @notice Read by forge's invariant runner (same shape as forge-std's StdInvariant.FuzzSelector).
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    /// @notice Forge prints these (DSTest's logging events) under `Logs:` with `-vv`.
    event log_named_uint(string key, uint256 val);

    /// @notice Read by forge's invariant runner: the contracts whose functions it calls at random.
    function targetContracts() public view returns (address[] memory) {
        return _targetContracts;
    }

    function targetContract(address target) internal {
        _targetContracts.push(target);
    }

    /// @notice Read by forge's invariant runner: restricts the calls on a target contract to these selectors.
    function targetSelectors() public view returns (FuzzSelector[] memory) {
        return _targetSelectors;
    }

    function targetSelector(FuzzSelector memory selector) internal {
        _targetSelectors.push(selector);
    }

    function assertTrue(bool condition, string memory reason) internal pure {
        require(condition, reason);
    }

    function assertFalse(bool condition, string memory reason) internal pure {
        require(!condition, reason);
    }

    function assertEq(bool a, bool b, string memory reason) internal pure {
        require(a == b, reason);
    }

    function assertEq(uint256 a, uint256 b, string memory reason) internal pure {
        if (a != b) revert(string.concat(reason, ": ", _u(a), " != ", _u(b)));
    }

    function assertEq(bytes32 a, bytes32 b, string memory reason) internal pure {
        require(a == b, reason);
    }

    function assertEq(address a, address b, string memory reason) internal pure {
        require(a == b, reason);
    }

    function assertLe(uint256 a, uint256 b, string memory reason) internal pure {
        if (a > b) revert(string.concat(reason, ": ", _u(a), " > ", _u(b)));
    }

    function assertLt(uint256 a, uint256 b, string memory reason) internal pure {
        if (a >= b) revert(string.concat(reason, ": ", _u(a), " >= ", _u(b)));
    }

    function assertGe(uint256 a, uint256 b, string memory reason) internal pure {
        if (a < b) revert(string.concat(reason, ": ", _u(a), " < ", _u(b)));
    }

    function assertGt(uint256 a, uint256 b, string memory reason) internal pure {
        if (a <= b) revert(string.concat(reason, ": ", _u(a), " <= ", _u(b)));
    }

    function assertApproxEqAbs(uint256 a, uint256 b, uint256 maxDelta, string memory reason) internal pure {
        uint256 delta = a > b ? a - b : b - a;
        if (delta > maxDelta) {
            revert(string.concat(reason, ": ", _u(a), " !~ ", _u(b), " (max delta ", _u(maxDelta), ")"));
        }
    }

    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        if (x >= min && x <= max) return x;
        uint256 size = max - min + 1;
        return min + (x % size);
    }

    function _u(uint256 v) private pure returns (string memory) {
        if (v == 0) return "0";
        uint256 len;
        for (uint256 t = v; t != 0; t /= 10) len++;
        bytes memory b = new bytes(len);
        for (; v != 0; v /= 10) b[--len] = bytes1(uint8(48 + (v % 10)));
        return string(b);
    }
}
