// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IUniswapV2Factory
/// @notice The part of Uniswap V2's factory (`@uniswap/v2-core` 1.0.1, Solidity 0.5.16) that the launchpad uses.
interface IUniswapV2Factory {
    /// @notice The pair of `tokenA` and `tokenB` (in either order), or address(0) when none was created.
    function getPair(address tokenA, address tokenB) external view returns (address pair);

    /// @notice Creates the pair with CREATE2; reverts when it exists. The tokens need not exist yet.
    function createPair(address tokenA, address tokenB) external returns (address pair);
}
