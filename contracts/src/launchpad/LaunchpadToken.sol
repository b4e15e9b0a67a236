// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IUniswapV2Factory} from "./IUniswapV2Factory.sol";

/// @title LaunchpadToken
/// @notice The ERC-20 of one launch: 18 decimals, the whole supply minted to the launchpad that deploys it. Its
///         Uniswap V2 pair with WETH is fixed at deployment (created then, unless a griefer created it first), and
///         until the launchpad opens it at migration nobody may send the token to that pair. So nobody can mint
///         LP tokens of the pair before the migration (a V2 mint needs both tokens), and the migration always
///         mints the first liquidity, at the price the curve ended at.
contract LaunchpadToken is ERC20 {
    address private immutable _launchpad;
    address private immutable _pair;
    bool private _pairOpen;

    /// @notice The pair was opened to transfers: the launchpad is migrating the liquidity.
    event PairOpened(address indexed pair);

    /// @notice Only the launchpad that deployed the token may call this.
    error LaunchpadToken_NotLaunchpad(address caller);

    /// @notice The token cannot be sent to its Uniswap V2 pair before the migration.
    error LaunchpadToken_PairLocked(address pair);

    /// @param name_ ERC-20 name.
    /// @param symbol_ ERC-20 symbol.
    /// @param supply Tokens (base units) minted to the deployer, the launchpad.
    /// @param factory Uniswap V2 factory of the pair.
    /// @param weth The pair's other token.
    constructor(string memory name_, string memory symbol_, uint256 supply, IUniswapV2Factory factory, address weth)
        ERC20(name_, symbol_)
    {
        address existing = factory.getPair(address(this), weth);
        _pair = existing == address(0) ? factory.createPair(address(this), weth) : existing;
        _launchpad = msg.sender;
        _mint(msg.sender, supply);
    }

    /// @notice Lets the token into its pair, for good; called by the launchpad when it migrates.
    function openPair() external {
        if (msg.sender != _launchpad) revert LaunchpadToken_NotLaunchpad(msg.sender);
        _pairOpen = true;
        emit PairOpened(_pair);
    }

    /// @notice The launchpad that deployed the token and holds its curve.
    function launchpad() external view returns (address) {
        return _launchpad;
    }

    /// @notice The token's Uniswap V2 pair with WETH.
    function pair() external view returns (address) {
        return _pair;
    }

    /// @notice Whether the token may be sent to its pair (true once migrated).
    function pairOpen() external view returns (bool) {
        return _pairOpen;
    }

    /// @dev Blocks transfers into the pair until it is open.
    function _update(address from, address to, uint256 value) internal override {
        if (to == _pair && !_pairOpen) revert LaunchpadToken_PairLocked(to);
        super._update(from, to, value);
    }
}
