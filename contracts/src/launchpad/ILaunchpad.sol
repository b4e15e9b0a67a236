// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {BondingCurve} from "./BondingCurve.sol";

/// @title ILaunchpad
/// @notice A memecoin launchpad on pump.fun's bonding curve: each launch is a 1,000,000,000-token ERC-20 whose
///         793,100,000 curve tokens sell against virtual reserves of 30 ETH and 1,073,000,000 tokens; when they are
///         sold out (about 85 ETH raised) the coin raised and the 206,900,000 reserved tokens become a Uniswap V2
///         pool whose LP tokens are burned.
interface ILaunchpad {
    /// @notice `creator` launched `token`, whose curve starts at the given reserves.
    event TokenLaunched(
        address indexed token,
        address indexed creator,
        address pair,
        string name,
        string symbol,
        uint256 totalSupply,
        uint256 virtualEthReserve,
        uint256 virtualTokenReserve,
        uint256 realTokenReserve
    );

    /// @notice `trader` traded on `token`'s curve (mirrors pump.fun's TradeEvent). `ethAmount` is the wei that
    ///         went into (buy) or out of (sell) the curve; the buyer paid `ethAmount + fee`, the seller received
    ///         `ethAmount - fee`. The reserves are those after the trade.
    event Traded(
        address indexed token,
        address indexed trader,
        bool isBuy,
        uint256 ethAmount,
        uint256 tokenAmount,
        uint256 fee,
        uint256 virtualEthReserve,
        uint256 virtualTokenReserve,
        uint256 realEthReserve,
        uint256 realTokenReserve
    );

    /// @notice `token`'s curve sold out; it trades no more.
    event CurveCompleted(address indexed token);

    /// @notice `token`'s liquidity moved to `pair`: `ethAmount` wei (as WETH) and `tokenAmount` tokens, for
    ///         `liquidity` LP tokens sent to the burn address.
    event Migrated(
        address indexed token, address indexed pair, uint256 ethAmount, uint256 tokenAmount, uint256 liquidity
    );

    /// @notice The trading fee became `feeBps` basis points.
    event FeeUpdated(uint16 feeBps);

    /// @notice Fees now go to `feeRecipient`.
    event FeeRecipientUpdated(address indexed feeRecipient);

    /// @notice The flat fee taken from the coin raised at migration became `migrationFee` wei.
    event MigrationFeeUpdated(uint256 migrationFee);

    /// @notice No curve exists for `token`.
    error Launchpad_UnknownToken(address token);

    /// @notice `token`'s curve completed: trade on its Uniswap V2 pair.
    error Launchpad_CurveComplete(address token);

    /// @notice The transaction was mined after `deadline`.
    error Launchpad_Expired(uint256 deadline);

    /// @notice The trade would give `amountOut`, below the caller's `minAmountOut`.
    error Launchpad_Slippage(uint256 amountOut, uint256 minAmountOut);

    /// @notice A trade of nothing, or one too small to move a single base unit out of the curve.
    error Launchpad_ZeroAmount();

    /// @notice A launch needs a non-empty name and symbol.
    error Launchpad_EmptyNameOrSymbol();

    /// @notice The trading fee may not exceed `maxFeeBps` basis points.
    error Launchpad_FeeTooHigh(uint256 feeBps, uint256 maxFeeBps);

    /// @notice The migration fee may not exceed `maxMigrationFee` wei.
    error Launchpad_MigrationFeeTooHigh(uint256 migrationFee, uint256 maxMigrationFee);

    /// @notice An address that must be set was address(0).
    error Launchpad_ZeroAddress();

    /// @notice Sending `amount` wei to `to` failed.
    error Launchpad_EthTransferFailed(address to, uint256 amount);

    /// @notice Deploys a new token and its curve; with `msg.value`, buys from it for the caller in the same
    ///         transaction (pump.fun's create + buy).
    /// @param name ERC-20 name.
    /// @param symbol ERC-20 symbol.
    /// @param minTokensOut Least tokens the initial buy must give (0 without one).
    /// @return token The new token.
    function launch(string calldata name, string calldata symbol, uint256 minTokensOut)
        external
        payable
        returns (address token);

    /// @notice Buys `token` for `msg.value` wei, fee included. A buy past the tokens left is capped at them and
    ///         the unused wei are refunded; the buy that empties the curve also migrates it.
    /// @param token A launched token.
    /// @param minTokensOut Least tokens to receive.
    /// @param deadline Last block timestamp at which the buy may execute.
    /// @return tokensOut Tokens received.
    function buy(address token, uint256 minTokensOut, uint256 deadline) external payable returns (uint256 tokensOut);

    /// @notice Sells `tokenAmount` of `token` back to its curve (approve the launchpad first).
    /// @param token A launched token.
    /// @param tokenAmount Tokens to sell.
    /// @param minEthOut Least wei to receive, after the fee.
    /// @param deadline Last block timestamp at which the sell may execute.
    /// @return ethOut Wei received, after the fee.
    function sell(address token, uint256 tokenAmount, uint256 minEthOut, uint256 deadline)
        external
        returns (uint256 ethOut);

    /// @notice What a buy of `ethIn` wei (fee included) would give now.
    /// @return tokensOut Tokens out.
    /// @return fee Wei of fee.
    /// @return refund Wei refunded because the buy would hit the tokens left.
    function quoteBuy(address token, uint256 ethIn)
        external
        view
        returns (uint256 tokensOut, uint256 fee, uint256 refund);

    /// @notice What selling `tokensIn` would give now.
    /// @return ethOut Wei to the seller, after the fee.
    /// @return fee Wei of fee.
    function quoteSell(address token, uint256 tokensIn) external view returns (uint256 ethOut, uint256 fee);

    /// @notice `token`'s reserves and completion flag.
    function curve(address token) external view returns (BondingCurve.Curve memory);

    /// @notice Sets the trading fee, at most `MAX_FEE_BPS`. Owner only.
    function setFeeBps(uint16 feeBps) external;

    /// @notice Sets where fees go. Owner only.
    function setFeeRecipient(address feeRecipient) external;

    /// @notice Sets the flat migration fee, at most `MAX_MIGRATION_FEE`. Owner only.
    function setMigrationFee(uint256 migrationFee) external;

    /// @notice The trading fee, in basis points.
    function feeBps() external view returns (uint16);

    /// @notice Where trading and migration fees go.
    function feeRecipient() external view returns (address);

    /// @notice The flat fee, in wei, taken from the coin raised at migration.
    function migrationFee() external view returns (uint256);
}
