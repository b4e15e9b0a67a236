// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {BondingCurve} from "../../src/launchpad/BondingCurve.sol";
import {LaunchpadToken} from "../../src/launchpad/LaunchpadToken.sol";
import {LaunchpadFixture} from "./LaunchpadFixture.sol";

/// @notice Fuzzes trades through the launchpad: no round trip profits, and random sequences of buys and sells
///         keep the curve solvent (it can always buy back every token it sold) with `k` never decreasing.
contract LaunchpadFuzzTest is LaunchpadFixture {
    uint256 private constant CURVE_TOKENS = 793_100_000e18;

    function testFuzz_buyThenSell_neverReturnsMoreThanPaid(uint256 preBuy, uint256 ethIn, uint16 feeBps) public {
        vm.prank(owner);
        launchpad.setFeeBps(uint16(bound(feeBps, 0, 1_000)));
        LaunchpadToken token = _launch(alice);
        preBuy = bound(preBuy, 0, 80 ether);
        if (_buysSomething(token, preBuy)) _buy(alice, token, preBuy);
        ethIn = bound(ethIn, 1, 200 ether);
        if (!_buysSomething(token, ethIn)) return; // dust eaten by the fee: the buy would revert

        uint256 before = bob.balance;
        uint256 tokens = _buy(bob, token, ethIn);
        uint256 paid = before - bob.balance;
        if (_curve(token).complete) return; // migrated: nothing to sell back to
        (uint256 gross,) = BondingCurve.quoteSell(_curve(token), tokens, 0);
        if (gross == 0) return; // dust: the sell would revert
        uint256 received = _sell(bob, token, tokens);
        assertLe(received, paid, "round trip never profits");
        _assertSolvent(token, 0);
    }

    function testFuzz_randomTrades_keepTheCurveSolvent(uint256 seed) public {
        LaunchpadToken token = _launch(alice);
        address[3] memory traders = [alice, bob, owner];
        vm.deal(owner, 1_000 ether);
        uint256 lastK = 30 ether * uint256(1_073_000_000e18);
        for (uint256 i; i < 32 && !_curve(token).complete; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            address trader = traders[r % 3];
            uint256 held = token.balanceOf(trader);
            if ((r >> 8) % 3 != 0 || held == 0) {
                _buy(trader, token, bound(r >> 16, 1 gwei, 5 ether));
            } else {
                uint256 amount = bound(r >> 16, 1, held);
                (uint256 gross,) = BondingCurve.quoteSell(_curve(token), amount, 0);
                if (gross != 0) _sell(trader, token, amount);
            }
            lastK = _assertSolvent(token, lastK);
        }
        if (_curve(token).complete) return;

        // Everyone sells everything back: the curve pays every one of them.
        for (uint256 j; j < 3; ++j) {
            uint256 held = token.balanceOf(traders[j]);
            (uint256 gross,) = BondingCurve.quoteSell(_curve(token), held, 0);
            if (gross != 0) _sell(traders[j], token, held);
            lastK = _assertSolvent(token, lastK);
        }
    }

    function _buysSomething(LaunchpadToken token, uint256 value) private view returns (bool) {
        if (value == 0) return false;
        (uint256 tokensOut,,) = launchpad.quoteBuy(address(token), value);
        return tokensOut != 0;
    }

    /// @dev The curve's invariants; returns its `k`, asserted to be at least `lastK`.
    function _assertSolvent(LaunchpadToken token, uint256 lastK) private view returns (uint256 k) {
        BondingCurve.Curve memory c = _curve(token);
        if (c.complete) return lastK;
        k = uint256(c.virtualEthReserve) * c.virtualTokenReserve;
        assertGe(k, lastK, "k never decreases");
        assertGe(address(launchpad).balance, c.realEthReserve, "balance covers the real reserve");
        uint256 outstanding = CURVE_TOKENS - c.realTokenReserve;
        uint256 owed = BondingCurve.ethForSale(c.virtualEthReserve, c.virtualTokenReserve, outstanding);
        assertGe(c.realEthReserve, owed, "the real reserve buys back every token sold");
        assertEq(c.virtualEthReserve - c.realEthReserve, 30 ether, "virtual - real ETH is constant");
        assertEq(c.virtualTokenReserve - c.realTokenReserve, 279_900_000e18, "virtual - real tokens is constant");
    }
}
