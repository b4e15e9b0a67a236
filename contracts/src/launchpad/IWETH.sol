// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title IWETH
/// @notice Wrapped ether: an ERC-20 minted one for one against the native coin.
interface IWETH is IERC20 {
    /// @notice Wraps `msg.value` into as many tokens, credited to the caller.
    function deposit() external payable;

    /// @notice Burns `amount` of the caller's tokens and sends them as native coin.
    function withdraw(uint256 amount) external;
}
