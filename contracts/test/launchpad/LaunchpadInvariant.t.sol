// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {BondingCurve} from "../../src/launchpad/BondingCurve.sol";
import {IUniswapV2Pair} from "../../src/launchpad/IUniswapV2Pair.sol";
import {LaunchpadToken} from "../../src/launchpad/LaunchpadToken.sol";
import {LaunchpadFixture} from "./LaunchpadFixture.sol";
import {LaunchpadHandler} from "./LaunchpadHandler.sol";

/// @notice Handler-based invariants: whatever sequence of buys, sells and transfers forge tries, the launchpad
///         holds the curve's coin, the curve can buy back every token it sold, `k` never decreases, tokens are
///         conserved, and after completion the pair holds exactly what the curve raised.
contract LaunchpadInvariantTest is LaunchpadFixture {
    LaunchpadToken private _token;
    LaunchpadHandler private _handler;

    function setUp() public override {
        super.setUp();
        _token = _launch(alice);
        _handler = new LaunchpadHandler(launchpad, _token, [alice, bob, owner]);
        targetContract(address(_handler));
    }

    function invariant_launchpadHoldsTheRealEthReserve() public view {
        BondingCurve.Curve memory c = launchpad.curve(address(_token));
        assertGe(address(launchpad).balance, c.realEthReserve, "balance >= real ETH reserve");
        assertEq(c.realEthReserve, c.complete ? 0 : _handler.ethIntoCurve() - _handler.ethOutOfCurve(), "accounting");
    }

    function invariant_curveCanBuyBackEveryTokenSold() public view {
        BondingCurve.Curve memory c = launchpad.curve(address(_token));
        if (c.complete) return;
        uint256 outstanding = launchpad.INITIAL_REAL_TOKEN_RESERVE() - c.realTokenReserve;
        uint256 owed = BondingCurve.ethForSale(c.virtualEthReserve, c.virtualTokenReserve, outstanding);
        assertGe(c.realEthReserve, owed, "real ETH reserve >= sell-back of all outstanding tokens");
        assertEq(_handler.tradersBalance(), outstanding, "traders hold exactly the tokens sold");
    }

    function invariant_kNeverDecreases() public view {
        assertFalse(_handler.kDecreased(), "k decreased");
        BondingCurve.Curve memory c = launchpad.curve(address(_token));
        assertGe(uint256(c.virtualEthReserve) * c.virtualTokenReserve, 30 ether * uint256(1_073_000_000e18), "k >= k0");
        assertEq(c.virtualEthReserve - c.realEthReserve, c.complete ? c.virtualEthReserve : 30 ether, "ETH offset");
        assertEq(c.virtualTokenReserve - c.realTokenReserve, 279_900_000e18, "token offset");
    }

    function invariant_tokensConserved() public view {
        address pair = _token.pair();
        uint256 sum = _handler.tradersBalance() + _token.balanceOf(address(launchpad)) + _token.balanceOf(pair);
        assertEq(sum, _token.totalSupply(), "every token accounted for");
    }

    function invariant_pairHoldsWhatTheCurveRaised() public view {
        if (!launchpad.curve(address(_token)).complete) return;
        IUniswapV2Pair pair = IUniswapV2Pair(_token.pair());
        assertEq(weth.balanceOf(address(pair)), _handler.ethIntoCurve() - _handler.ethOutOfCurve(), "WETH moved");
        assertEq(_token.balanceOf(address(pair)), 206_900_000e18, "tokens moved");
        assertEq(pair.balanceOf(DEAD), pair.totalSupply() - 1_000, "LP burned");
    }
}
