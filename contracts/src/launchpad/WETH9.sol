// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/// @title WETH9
/// @notice Wrapped ether for local chains and tests, behaving like mainnet's WETH9 (whose 0.4 source solc 0.8
///         does not compile). It keeps WETH9's `Deposit`/`Withdrawal` events, not the house past tense, so that
///         tools which decode mainnet WETH decode it too. Uniswap V2 pairs hold it in place of the native coin.
contract WETH9 is ERC20 {
    /// @notice `account` wrapped `amount`.
    event Deposit(address indexed account, uint256 amount);

    /// @notice `account` unwrapped `amount`.
    event Withdrawal(address indexed account, uint256 amount);

    constructor() ERC20("Wrapped Ether", "WETH") {}

    /// @notice Plain transfers of the native coin wrap it, as on mainnet.
    receive() external payable {
        deposit();
    }

    /// @notice Wraps `msg.value` into as many WETH, credited to the caller.
    function deposit() public payable {
        _mint(msg.sender, msg.value);
        emit Deposit(msg.sender, msg.value);
    }

    /// @notice Burns `amount` of the caller's WETH and sends them as native coin (reverts if the caller cannot
    ///         receive it).
    /// @param amount Wei to unwrap.
    function withdraw(uint256 amount) external {
        _burn(msg.sender, amount);
        emit Withdrawal(msg.sender, amount);
        Address.sendValue(payable(msg.sender), amount);
    }
}
