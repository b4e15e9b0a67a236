// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {BondingCurve} from "../../src/launchpad/BondingCurve.sol";
import {ILaunchpad} from "../../src/launchpad/ILaunchpad.sol";
import {IUniswapV2Pair} from "../../src/launchpad/IUniswapV2Pair.sol";
import {LaunchpadToken} from "../../src/launchpad/LaunchpadToken.sol";
import {LaunchpadFixture} from "./LaunchpadFixture.sol";

/// @notice Migration into a real Uniswap V2 pair (deployed from `@uniswap/v2-core`'s npm build): liquidity moved,
///         LP burned, trading on the pair afterwards, and a griefer who pre-creates and skews the pair.
contract LaunchpadMigrationTest is LaunchpadFixture {
    uint256 private constant MIGRATION_TOKENS = 206_900_000e18;
    uint256 private constant MINIMUM_LIQUIDITY = 1_000;

    function test_migration_movesTheLiquidityAndBurnsTheLp() public {
        LaunchpadToken token = _launch(alice);
        _buy(bob, token, 40 ether);
        IUniswapV2Pair pair = IUniswapV2Pair(token.pair());
        uint256 raised = _raisedAtCompletion(token);

        vm.expectEmit(true, true, false, false);
        emit ILaunchpad.CurveCompleted(address(token));
        vm.expectEmit(true, true, false, true);
        emit ILaunchpad.Migrated(
            address(token),
            address(pair),
            raised,
            MIGRATION_TOKENS,
            _sqrt(raised * MIGRATION_TOKENS) - MINIMUM_LIQUIDITY
        );
        _complete(token);

        (uint256 tokenReserve, uint256 wethReserve) = _reserves(pair, token);
        assertEq(tokenReserve, MIGRATION_TOKENS, "pair holds the reserved tokens");
        assertEq(wethReserve, raised, "pair holds the coin raised");
        assertEq(pair.balanceOf(DEAD), pair.totalSupply() - MINIMUM_LIQUIDITY, "LP burned to 0xdead");
        assertEq(pair.balanceOf(address(0)), MINIMUM_LIQUIDITY, "Uniswap's own locked minimum");
        assertEq(pair.balanceOf(address(launchpad)), 0, "launchpad keeps no LP");
        assertEq(token.balanceOf(address(launchpad)), 0, "launchpad keeps no tokens");
        assertEq(address(launchpad).balance, 0, "launchpad keeps no coin");
        assertEq(weth.balanceOf(address(launchpad)), 0, "launchpad keeps no WETH");
        assertTrue(token.pairOpen(), "pair open");
        assertEq(token.balanceOf(alice) + token.balanceOf(bob), 793_100_000e18, "curve tokens all sold");
    }

    function test_migration_opensThePoolAtTheCurvesLastPrice() public {
        LaunchpadToken token = _launch(alice);
        _complete(token);
        BondingCurve.Curve memory c = _curve(token);
        (uint256 tokenReserve, uint256 wethReserve) = _reserves(IUniswapV2Pair(token.pair()), token);
        // Curve: 115.005 ETH / 279,900,000 tokens; pool: 85.005 ETH / 206,900,000 tokens. Within 0.1%.
        uint256 curvePrice = uint256(c.virtualEthReserve) * 1e18 / c.virtualTokenReserve;
        uint256 poolPrice = wethReserve * 1e18 / tokenReserve;
        assertApproxEqAbs(poolPrice, curvePrice, curvePrice / 1_000, "pool price ~ curve price");
    }

    function test_migration_takesTheMigrationFee() public {
        vm.prank(owner);
        launchpad.setMigrationFee(2 ether);
        LaunchpadToken token = _launch(alice);
        uint256 raised = _raisedAtCompletion(token);
        uint256 feesBefore = feeRecipient.balance;
        (, uint256 tradeFee,) = launchpad.quoteBuy(address(token), 200 ether);
        _complete(token);
        (, uint256 wethReserve) = _reserves(IUniswapV2Pair(token.pair()), token);
        assertEq(wethReserve, raised - 2 ether, "pool gets the rest");
        assertEq(feeRecipient.balance - feesBefore, tradeFee + 2 ether, "trade fee and migration fee");
    }

    function test_pairTradesAfterMigration() public {
        LaunchpadToken token = _launch(alice);
        _complete(token);
        IUniswapV2Pair pair = IUniswapV2Pair(token.pair());
        bool tokenIs0 = pair.token0() == address(token);

        // Alice sells 1,000,000 tokens on the pair.
        (uint256 rToken, uint256 rWeth) = _reserves(pair, token);
        uint256 amountIn = 1_000_000e18;
        uint256 wethOut = _amountOut(amountIn, rToken, rWeth);
        vm.startPrank(alice);
        token.transfer(address(pair), amountIn);
        pair.swap(tokenIs0 ? 0 : wethOut, tokenIs0 ? wethOut : 0, alice, "");
        vm.stopPrank();
        assertEq(weth.balanceOf(alice), wethOut, "alice got WETH");

        // Bob buys with 1 WETH.
        (rToken, rWeth) = _reserves(pair, token);
        uint256 tokensOut = _amountOut(1 ether, rWeth, rToken);
        uint256 bobBefore = token.balanceOf(bob);
        vm.startPrank(bob);
        weth.deposit{value: 1 ether}();
        weth.transfer(address(pair), 1 ether);
        pair.swap(tokenIs0 ? tokensOut : 0, tokenIs0 ? 0 : tokensOut, bob, "");
        vm.stopPrank();
        assertEq(token.balanceOf(bob) - bobBefore, tokensOut, "bob got tokens");
    }

    function test_tokenCannotEnterThePairBeforeMigration() public {
        LaunchpadToken token = _launch(alice);
        uint256 bought = _buy(bob, token, 1 ether);
        address pair = token.pair();
        vm.startPrank(bob);
        vm.expectRevert(abi.encodeWithSelector(LaunchpadToken.LaunchpadToken_PairLocked.selector, pair));
        token.transfer(pair, bought);
        token.approve(alice, bought);
        vm.stopPrank();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(LaunchpadToken.LaunchpadToken_PairLocked.selector, pair));
        token.transferFrom(bob, pair, bought);
        vm.prank(bob);
        token.transfer(alice, bought);
        assertEq(token.balanceOf(alice), bought, "other transfers work");
        vm.expectRevert(abi.encodeWithSelector(LaunchpadToken.LaunchpadToken_NotLaunchpad.selector, address(this)));
        token.openPair();
    }

    function test_griefer_preCreatedAndSkewedPair_cannotBrickOrStealTheMigration() public {
        address predicted = vm.computeCreateAddress(address(launchpad), vm.getNonce(address(launchpad)));
        address griefer = _account("griefer");
        vm.deal(griefer, 100 ether);

        // Before the launch: create the token's pair and donate WETH to it.
        vm.startPrank(griefer);
        IUniswapV2Pair pair = IUniswapV2Pair(factory.createPair(predicted, address(weth)));
        weth.deposit{value: 5 ether}();
        weth.transfer(address(pair), 1 ether);
        vm.stopPrank();

        LaunchpadToken token = _launch(alice);
        assertEq(address(token), predicted, "predicted the token");
        assertEq(token.pair(), address(pair), "the launch adopts the existing pair");

        // After the launch: sync the donation into the reserves, donate more unsynced, try to mint LP or to
        // get tokens into the pair.
        uint256 bought = _buy(griefer, token, 10 ether);
        vm.startPrank(griefer);
        pair.sync();
        weth.transfer(address(pair), 1 ether);
        vm.expectRevert();
        pair.mint(griefer);
        vm.expectRevert(abi.encodeWithSelector(LaunchpadToken.LaunchpadToken_PairLocked.selector, address(pair)));
        token.transfer(address(pair), bought);
        vm.stopPrank();
        assertEq(pair.totalSupply(), 0, "no LP exists before the migration");

        uint256 raised = _raisedAtCompletion(token);
        _complete(token);

        (uint256 tokenReserve, uint256 wethReserve) = _reserves(pair, token);
        assertEq(tokenReserve, MIGRATION_TOKENS, "reserved tokens moved");
        assertEq(wethReserve, raised + 2 ether, "coin raised moved; the donations stay in the pool");
        assertEq(pair.balanceOf(DEAD), pair.totalSupply() - MINIMUM_LIQUIDITY, "all LP burned");
        assertEq(pair.balanceOf(griefer), 0, "griefer holds no LP");
    }

    /// @dev The real ETH reserve at completion: what the curve's virtual ETH will be once its virtual tokens are
    ///      down to 279,900,000, less the 30 ETH virtual base (the buy that completes rounds up).
    function _raisedAtCompletion(LaunchpadToken token) private view returns (uint256) {
        BondingCurve.Curve memory c = _curve(token);
        uint256 k = uint256(c.virtualEthReserve) * c.virtualTokenReserve;
        return (k + 279_900_000e18 - 1) / 279_900_000e18 - 30 ether;
    }

    function _reserves(IUniswapV2Pair pair, LaunchpadToken token)
        private
        view
        returns (uint256 tokenReserve, uint256 wethReserve)
    {
        (uint256 r0, uint256 r1,) = pair.getReserves();
        return pair.token0() == address(token) ? (r0, r1) : (r1, r0);
    }

    /// @dev Uniswap V2's getAmountOut (0.3% fee).
    function _amountOut(uint256 amountIn, uint256 reserveIn, uint256 reserveOut) private pure returns (uint256) {
        uint256 inWithFee = amountIn * 997;
        return inWithFee * reserveOut / (reserveIn * 1_000 + inWithFee);
    }

    function _sqrt(uint256 y) private pure returns (uint256 z) {
        if (y > 3) {
            z = y;
            uint256 x = y / 2 + 1;
            while (x < z) {
                z = x;
                x = (y / x + x) / 2;
            }
        } else if (y != 0) {
            z = 1;
        }
    }
}
