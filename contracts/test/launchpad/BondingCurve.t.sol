// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {BondingCurve} from "../../src/launchpad/BondingCurve.sol";

/// @notice Fuzzes the curve math on its own: every rounding favours the curve by less than one base unit, `k`
///         never decreases, a buy's wei split adds up, and a round trip never creates value.
contract BondingCurveTest is Test {
    /// @dev Reachable reserves: virtual ETH from 30 to ~115 ETH (a little more for headroom), virtual tokens from
    ///      279,900,000 to 1,073,000,000 (and beyond, as if sold back past the start).
    function _reserves(uint256 vE, uint256 vT) private pure returns (uint256, uint256) {
        return (bound(vE, 30 ether, 200 ether), bound(vT, 279_900_000e18, 2_000_000_000e18));
    }

    function testFuzz_tokensForEth_roundsDownByLessThanOneUnit(uint256 vE, uint256 vT, uint256 ethIn) public pure {
        (vE, vT) = _reserves(vE, vT);
        ethIn = bound(ethIn, 1, 10_000 ether);
        uint256 out = BondingCurve.tokensForEth(vE, vT, ethIn);
        assertLt(out, vT, "never the whole virtual reserve");
        assertGe((vE + ethIn) * (vT - out), vE * vT, "k kept");
        assertLt((vE + ethIn) * (vT - out - 1), vE * vT, "one unit more would break k");
    }

    function testFuzz_ethForTokens_roundsUpByLessThanOneWei(uint256 vE, uint256 vT, uint256 tokensOut) public pure {
        (vE, vT) = _reserves(vE, vT);
        tokensOut = bound(tokensOut, 1, vT - 1);
        uint256 ethIn = BondingCurve.ethForTokens(vE, vT, tokensOut);
        assertGe((vE + ethIn) * (vT - tokensOut), vE * vT, "k kept");
        assertLt((vE + ethIn - 1) * (vT - tokensOut), vE * vT, "one wei less would break k");
        assertGe(BondingCurve.tokensForEth(vE, vT, ethIn), tokensOut, "the price buys the tokens");
    }

    function testFuzz_ethForSale_roundsDownByLessThanOneWei(uint256 vE, uint256 vT, uint256 tokensIn) public pure {
        (vE, vT) = _reserves(vE, vT);
        tokensIn = bound(tokensIn, 1, 2_000_000_000e18);
        uint256 out = BondingCurve.ethForSale(vE, vT, tokensIn);
        assertLt(out, vE, "never the whole virtual reserve");
        assertGe((vE - out) * (vT + tokensIn), vE * vT, "k kept");
        assertLt((vE - out - 1) * (vT + tokensIn), vE * vT, "one wei more would break k");
    }

    function testFuzz_roundTrip_neverCreatesValue(uint256 vE, uint256 vT, uint256 ethIn) public pure {
        (vE, vT) = _reserves(vE, vT);
        ethIn = bound(ethIn, 1, 10_000 ether);
        uint256 tokens = BondingCurve.tokensForEth(vE, vT, ethIn);
        assertLe(BondingCurve.ethForSale(vE + ethIn, vT - tokens, tokens), ethIn, "sell back <= paid");
    }

    function testFuzz_quoteBuy_splitsTheValueExactly(
        uint256 vE,
        uint256 vT,
        uint256 realToken,
        uint256 value,
        uint256 feeBps
    ) public pure {
        (vE, vT) = _reserves(vE, vT);
        BondingCurve.Curve memory c = BondingCurve.Curve({
            virtualEthReserve: uint128(vE),
            virtualTokenReserve: uint128(vT),
            realEthReserve: 0,
            realTokenReserve: uint128(bound(realToken, 1, vT - 1)),
            complete: false
        });
        value = bound(value, 1, 1_000 ether);
        feeBps = bound(feeBps, 0, 1_000);
        BondingCurve.BuyQuote memory q = BondingCurve.quoteBuy(c, value, feeBps);
        assertEq(q.ethIn + q.fee + q.refund, value, "ethIn + fee + refund = value");
        assertLe(q.tokensOut, c.realTokenReserve, "never past the real reserve");
        assertGe(q.fee * BondingCurve.BPS, (q.ethIn + q.fee) * feeBps, "fee rounds up");
        assertLt(q.fee * BondingCurve.BPS, (q.ethIn + q.fee) * feeBps + BondingCurve.BPS, "by less than a wei");
        assertGe((vE + q.ethIn) * (vT - q.tokensOut), vE * vT, "k kept");
        if (q.refund != 0) assertEq(q.tokensOut, c.realTokenReserve, "refunds only when capped");
    }
}
