// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IUniswapV2Pair
/// @notice The part of Uniswap V2's pair (`@uniswap/v2-core` 1.0.1) that the launchpad and its tests use.
interface IUniswapV2Pair {
    /// @notice The lower-sorted token of the pair.
    function token0() external view returns (address);

    /// @notice The higher-sorted token of the pair.
    function token1() external view returns (address);

    /// @notice The reserves the pair last synced, and the block timestamp of that sync.
    function getReserves() external view returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast);

    /// @notice The LP tokens in existence (the first mint locks 1000 of them at address(0)).
    function totalSupply() external view returns (uint256);

    /// @notice The LP tokens that `owner` holds.
    function balanceOf(address owner) external view returns (uint256);

    /// @notice Mints LP tokens to `to` for the balances sent to the pair beyond its reserves.
    function mint(address to) external returns (uint256 liquidity);

    /// @notice Sends `amount0Out`/`amount1Out` to `to`, for input sent beforehand (0.3% fee, constant product).
    function swap(uint256 amount0Out, uint256 amount1Out, address to, bytes calldata data) external;

    /// @notice Sets the reserves to the pair's balances.
    function sync() external;
}
