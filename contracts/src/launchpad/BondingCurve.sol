// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title BondingCurve
/// @notice pump.fun's curve: a constant product `x * y = k` on VIRTUAL reserves (native coin `x`, tokens `y`),
///         with the REAL reserves (what the curve actually holds and may pay out) moving in lockstep. Every
///         division rounds so that `k` never decreases: buyers get at most, and pay at least, what the exact
///         curve says, to the wei. Fees are taken before the curve: out of the coin in on buys, out of the coin
///         out on sells, rounded up.
library BondingCurve {
    using SafeCast for uint256;

    /// @notice Basis points in 100%.
    uint256 internal constant BPS = 10_000;

    /// @notice One token's curve. `virtual - real` is constant on both sides (30 ETH and 279,900,000 tokens at
    ///         pump.fun's parameters), so the curve can never pay out more than it received.
    /// @param virtualEthReserve Native coin side of the product, in wei.
    /// @param virtualTokenReserve Token side of the product, in token base units.
    /// @param realEthReserve Wei the curve holds from buys, net of fees and of sells.
    /// @param realTokenReserve Tokens still for sale; the curve completes when it reaches 0.
    /// @param complete Whether the curve sold out (and migrated); it trades no more.
    struct Curve {
        uint128 virtualEthReserve;
        uint128 virtualTokenReserve;
        uint128 realEthReserve;
        uint128 realTokenReserve;
        bool complete;
    }

    /// @notice How a buy of `value` wei splits.
    /// @param tokensOut Tokens the buyer receives.
    /// @param ethIn Wei that go into the curve.
    /// @param fee Wei to the fee recipient.
    /// @param refund Wei returned because the buy hit the real token reserve (`value = ethIn + fee + refund`).
    struct BuyQuote {
        uint256 tokensOut;
        uint256 ethIn;
        uint256 fee;
        uint256 refund;
    }

    /// @notice Splits a buy of `value` wei at `feeBps`; a buy past the real token reserve is capped at it and the
    ///         wei it does not need come back as `refund`.
    function quoteBuy(Curve memory c, uint256 value, uint256 feeBps) internal pure returns (BuyQuote memory q) {
        q.fee = Math.mulDiv(value, feeBps, BPS, Math.Rounding.Ceil);
        q.ethIn = value - q.fee;
        q.tokensOut = tokensForEth(c.virtualEthReserve, c.virtualTokenReserve, q.ethIn);
        if (q.tokensOut >= c.realTokenReserve) {
            q.tokensOut = c.realTokenReserve;
            q.ethIn = ethForTokens(c.virtualEthReserve, c.virtualTokenReserve, q.tokensOut);
            // Gross up so that fee / (ethIn + fee) is at least feeBps, as in the uncapped case.
            q.fee = Math.mulDiv(q.ethIn, feeBps, BPS - feeBps, Math.Rounding.Ceil);
            q.refund = value - q.ethIn - q.fee;
        }
    }

    /// @notice Wei out of the curve for selling `tokensIn`, and the fee taken from it (the seller gets the
    ///         difference).
    function quoteSell(Curve memory c, uint256 tokensIn, uint256 feeBps)
        internal
        pure
        returns (uint256 ethOut, uint256 fee)
    {
        ethOut = ethForSale(c.virtualEthReserve, c.virtualTokenReserve, tokensIn);
        fee = Math.mulDiv(ethOut, feeBps, BPS, Math.Rounding.Ceil);
    }

    /// @notice Tokens out for `ethIn` wei in: `vT - ceil(vE * vT / (vE + ethIn))`, rounded down.
    function tokensForEth(uint256 vE, uint256 vT, uint256 ethIn) internal pure returns (uint256) {
        return vT - Math.mulDiv(vE, vT, vE + ethIn, Math.Rounding.Ceil);
    }

    /// @notice Wei in to take `tokensOut` (< vT) tokens out: `ceil(vE * vT / (vT - tokensOut)) - vE`, rounded up.
    function ethForTokens(uint256 vE, uint256 vT, uint256 tokensOut) internal pure returns (uint256) {
        return Math.mulDiv(vE, vT, vT - tokensOut, Math.Rounding.Ceil) - vE;
    }

    /// @notice Wei out for `tokensIn` tokens in: `vE - ceil(vE * vT / (vT + tokensIn))`, rounded down.
    function ethForSale(uint256 vE, uint256 vT, uint256 tokensIn) internal pure returns (uint256) {
        return vE - Math.mulDiv(vE, vT, vT + tokensIn, Math.Rounding.Ceil);
    }

    /// @notice Moves `ethIn` wei in and `tokensOut` tokens out of both the virtual and the real reserves.
    function applyBuy(Curve storage c, uint256 ethIn, uint256 tokensOut) internal {
        c.virtualEthReserve += ethIn.toUint128();
        c.realEthReserve += ethIn.toUint128();
        c.virtualTokenReserve -= tokensOut.toUint128();
        c.realTokenReserve -= tokensOut.toUint128();
    }

    /// @notice Moves `tokensIn` tokens in and `ethOut` wei out of both the virtual and the real reserves.
    function applySell(Curve storage c, uint256 tokensIn, uint256 ethOut) internal {
        c.virtualTokenReserve += tokensIn.toUint128();
        c.realTokenReserve += tokensIn.toUint128();
        c.virtualEthReserve -= ethOut.toUint128();
        c.realEthReserve -= ethOut.toUint128();
    }
}
