// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {BondingCurve} from "../../src/launchpad/BondingCurve.sol";
import {ILaunchpad} from "../../src/launchpad/ILaunchpad.sol";
import {LaunchpadToken} from "../../src/launchpad/LaunchpadToken.sol";
import {LaunchpadFixture} from "./LaunchpadFixture.sol";

/// @notice Launch, buy, sell, fees, slippage, deadline, the cap at the real token reserve and completion.
contract LaunchpadTest is LaunchpadFixture {
    uint256 private constant V_ETH = 30 ether;
    uint256 private constant V_TOKEN = 1_073_000_000e18;
    uint256 private constant REAL_TOKEN = 793_100_000e18;
    uint256 private constant K0 = V_ETH * V_TOKEN;
    /// @dev ceil(30 ETH * 1,073,000,000 / 279,900,000) - 30 ETH: the coin a curve raises, before fees.
    uint256 private constant RAISED = 85_005_359_056_806_002_144;

    function test_launch_createsTokenCurveAndPair() public {
        address predicted = vm.computeCreateAddress(address(launchpad), vm.getNonce(address(launchpad)));
        vm.expectEmit(true, true, false, false);
        emit ILaunchpad.TokenLaunched(predicted, alice, address(0), "", "", 0, 0, 0, 0);
        LaunchpadToken token = _launch(alice);

        assertEq(address(token), predicted, "token address");
        assertEq(token.totalSupply(), 1_000_000_000e18, "supply");
        assertEq(token.decimals(), 18, "decimals");
        assertEq(token.balanceOf(address(launchpad)), 1_000_000_000e18, "launchpad holds the supply");
        assertEq(keccak256(bytes(token.symbol())), keccak256("MCAT"), "symbol");
        assertEq(token.launchpad(), address(launchpad), "launchpad");
        assertEq(token.pair(), factory.getPair(address(token), address(weth)), "pair created");
        assertFalse(token.pairOpen(), "pair locked");
        BondingCurve.Curve memory c = _curve(token);
        assertEq(c.virtualEthReserve, V_ETH, "virtual eth");
        assertEq(c.virtualTokenReserve, V_TOKEN, "virtual token");
        assertEq(c.realEthReserve, 0, "real eth");
        assertEq(c.realTokenReserve, REAL_TOKEN, "real token");
        assertFalse(c.complete, "complete");
    }

    function test_launch_withDevBuyTradesInTheSameTransaction() public {
        address predicted = vm.computeCreateAddress(address(launchpad), vm.getNonce(address(launchpad)));
        uint256 expected = V_TOKEN - _ceilDiv(K0, V_ETH + 0.99 ether);
        vm.expectEmit(true, true, false, true);
        emit ILaunchpad.Traded(
            predicted,
            alice,
            true,
            0.99 ether,
            expected,
            0.01 ether,
            V_ETH + 0.99 ether,
            V_TOKEN - expected,
            0.99 ether,
            REAL_TOKEN - expected
        );
        vm.prank(alice);
        address token = launchpad.launch{value: 1 ether}("Moon Cat", "MCAT", expected);
        assertEq(LaunchpadToken(token).balanceOf(alice), expected, "dev tokens");
    }

    function test_launch_rejectsBadInput() public {
        vm.expectRevert(ILaunchpad.Launchpad_EmptyNameOrSymbol.selector);
        launchpad.launch("", "X", 0);
        vm.expectRevert(ILaunchpad.Launchpad_EmptyNameOrSymbol.selector);
        launchpad.launch("X", "", 0);
        vm.expectRevert(abi.encodeWithSelector(ILaunchpad.Launchpad_Slippage.selector, 0, 1));
        launchpad.launch("X", "X", 1);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(ILaunchpad.Launchpad_Slippage.selector, 34_277_831_558_567_279_767_666_989, FAR)
        );
        launchpad.launch{value: 1 ether}("X", "X", FAR);
    }

    function test_buy_followsTheCurveAndPaysTheFee() public {
        LaunchpadToken token = _launch(alice);
        uint256 expected = V_TOKEN - _ceilDiv(K0, V_ETH + 0.99 ether);
        assertEq(expected, 34_277_831_558_567_279_767_666_989, "about 34.28M tokens for 0.99 ETH");

        assertEq(_buy(bob, token, 1 ether), expected, "tokens out");
        assertEq(token.balanceOf(bob), expected, "bob's tokens");
        assertEq(bob.balance, 999 ether, "bob paid 1 ETH");
        assertEq(feeRecipient.balance, 0.01 ether, "1% fee");
        assertEq(address(launchpad).balance, 0.99 ether, "curve holds the rest");
        BondingCurve.Curve memory c = _curve(token);
        assertEq(c.virtualEthReserve, V_ETH + 0.99 ether, "virtual eth");
        assertEq(c.realEthReserve, 0.99 ether, "real eth");
        assertEq(c.virtualTokenReserve, V_TOKEN - expected, "virtual token");
        assertEq(c.realTokenReserve, REAL_TOKEN - expected, "real token");
    }

    function test_sell_followsTheCurveAndPaysTheFee() public {
        LaunchpadToken token = _launch(alice);
        uint256 bought = _buy(bob, token, 10 ether);
        BondingCurve.Curve memory c = _curve(token);
        uint256 half = bought / 2;
        uint256 gross = c.virtualEthReserve
            - _ceilDiv(uint256(c.virtualEthReserve) * c.virtualTokenReserve, c.virtualTokenReserve + half);
        uint256 fee = _ceilDiv(gross, 100);
        uint256 feesBefore = feeRecipient.balance;

        vm.startPrank(bob);
        token.approve(address(launchpad), half);
        vm.expectEmit(true, true, false, true);
        emit ILaunchpad.Traded(
            address(token),
            bob,
            false,
            gross,
            half,
            fee,
            c.virtualEthReserve - gross,
            c.virtualTokenReserve + half,
            c.realEthReserve - gross,
            c.realTokenReserve + half
        );
        uint256 out = launchpad.sell(address(token), half, gross - fee, FAR);
        vm.stopPrank();

        assertEq(out, gross - fee, "eth out");
        assertEq(bob.balance, 990 ether + out, "bob received");
        assertEq(feeRecipient.balance - feesBefore, fee, "sell fee");
        assertEq(token.balanceOf(bob), bought - half, "bob's tokens");
        assertEq(address(launchpad).balance, _curve(token).realEthReserve, "balance is the real reserve");
    }

    function test_quotes_matchExecution() public {
        LaunchpadToken token = _launch(alice);
        _buy(alice, token, 3 ether);
        (uint256 quotedTokens, uint256 buyFee, uint256 refund) = launchpad.quoteBuy(address(token), 2 ether);
        assertEq(buyFee, 0.02 ether, "buy fee");
        assertEq(refund, 0, "no refund");
        assertEq(_buy(bob, token, 2 ether), quotedTokens, "buy as quoted");
        (uint256 quotedEth, uint256 sellFee) = launchpad.quoteSell(address(token), quotedTokens);
        uint256 feesBefore = feeRecipient.balance;
        assertEq(_sell(bob, token, quotedTokens), quotedEth, "sell as quoted");
        assertEq(feeRecipient.balance - feesBefore, sellFee, "sell fee as quoted");
    }

    function test_trades_revertOnSlippageAndDeadline() public {
        LaunchpadToken token = _launch(alice);
        (uint256 quoted,,) = launchpad.quoteBuy(address(token), 1 ether);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ILaunchpad.Launchpad_Slippage.selector, quoted, quoted + 1));
        launchpad.buy{value: 1 ether}(address(token), quoted + 1, FAR);

        vm.warp(1_000);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ILaunchpad.Launchpad_Expired.selector, 999));
        launchpad.buy{value: 1 ether}(address(token), 0, 999);

        uint256 bought = _buy(bob, token, 1 ether);
        (uint256 ethOut,) = launchpad.quoteSell(address(token), bought);
        vm.startPrank(bob);
        token.approve(address(launchpad), bought);
        vm.expectRevert(abi.encodeWithSelector(ILaunchpad.Launchpad_Slippage.selector, ethOut, ethOut + 1));
        launchpad.sell(address(token), bought, ethOut + 1, FAR);
        vm.expectRevert(abi.encodeWithSelector(ILaunchpad.Launchpad_Expired.selector, 999));
        launchpad.sell(address(token), bought, 0, 999);
        vm.stopPrank();
        assertEq(token.balanceOf(bob), bought, "failed sells changed nothing");
    }

    function test_trades_rejectBadInput() public {
        LaunchpadToken token = _launch(alice);
        address unknown = address(weth);
        vm.expectRevert(abi.encodeWithSelector(ILaunchpad.Launchpad_UnknownToken.selector, unknown));
        launchpad.buy{value: 1 ether}(unknown, 0, FAR);
        vm.expectRevert(abi.encodeWithSelector(ILaunchpad.Launchpad_UnknownToken.selector, unknown));
        launchpad.curve(unknown);
        vm.expectRevert(ILaunchpad.Launchpad_ZeroAmount.selector);
        launchpad.buy(address(token), 0, FAR);
        vm.expectRevert(ILaunchpad.Launchpad_ZeroAmount.selector);
        launchpad.sell(address(token), 0, 0, FAR);
        _buy(bob, token, 1 ether);
        vm.prank(bob);
        vm.expectRevert(ILaunchpad.Launchpad_ZeroAmount.selector);
        launchpad.sell(address(token), 1, 0, FAR);
    }

    function test_buy_capsAtTheRealTokenReserveAndRefunds() public {
        LaunchpadToken token = _launch(alice);
        uint256 fee = _ceilDiv(RAISED * 100, 9_900);
        (uint256 quoted, uint256 quotedFee, uint256 quotedRefund) = launchpad.quoteBuy(address(token), 100 ether);
        assertEq(quoted, REAL_TOKEN, "quote capped");
        assertEq(quotedFee, fee, "quoted fee on the coin used");
        assertEq(quotedRefund, 100 ether - RAISED - fee, "quoted refund");

        assertEq(_buy(bob, token, 100 ether), REAL_TOKEN, "all curve tokens");
        assertEq(bob.balance, 1_000 ether - RAISED - fee, "excess refunded");
        assertEq(feeRecipient.balance, fee, "fee only on the coin used");
        assertGe(fee * 10_000, (RAISED + fee) * 100, "fee is at least 1% of what was paid");
    }

    function test_completion_raisesAbout85EthAndStopsTheCurve() public {
        LaunchpadToken token = _launch(alice);
        for (uint256 i; i < 8; ++i) {
            _buy(i % 2 == 0 ? alice : bob, token, 10 ether);
        }
        _sell(bob, token, token.balanceOf(bob) / 3);
        uint256 feesBefore = feeRecipient.balance;
        uint256 spentBefore = alice.balance;
        vm.expectEmit(true, false, false, false);
        emit ILaunchpad.CurveCompleted(address(token));
        _buy(alice, token, 50 ether);

        BondingCurve.Curve memory c = _curve(token);
        assertTrue(c.complete, "complete");
        assertEq(c.realTokenReserve, 0, "sold out");
        assertEq(c.realEthReserve, 0, "migrated");
        assertEq(c.virtualTokenReserve, V_TOKEN - REAL_TOKEN, "virtual token at 279,900,000");
        uint256 raised = c.virtualEthReserve - V_ETH;
        // 30 * 1073 / (1073 - 793.1) - 30 = 85.0053590568 ETH; the rounding of earlier trades adds a few wei.
        assertApproxEqAbs(raised, 85.005359056806 ether, 1e6, "raised about 85.005 ETH");
        assertGe(raised, RAISED, "never less than the exact figure");
        uint256 lastFee = feeRecipient.balance - feesBefore;
        assertLe(spentBefore - alice.balance, 50 ether, "refunded");
        assertGt(lastFee, 0, "fee on the last buy");

        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ILaunchpad.Launchpad_CurveComplete.selector, address(token)));
        launchpad.buy{value: 1 ether}(address(token), 0, FAR);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ILaunchpad.Launchpad_CurveComplete.selector, address(token)));
        launchpad.sell(address(token), 1e18, 0, FAR);
        vm.expectRevert(abi.encodeWithSelector(ILaunchpad.Launchpad_CurveComplete.selector, address(token)));
        launchpad.quoteBuy(address(token), 1 ether);
    }

    function test_completion_exactFigureFromASingleBuy() public {
        LaunchpadToken token = _launch(alice);
        _complete(token);
        assertEq(_curve(token).virtualEthReserve - V_ETH, RAISED, "85.005359056806002144 ETH");
    }

    function test_config_onlyOwnerWithinBounds() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(this)));
        launchpad.setFeeBps(50);
        vm.startPrank(owner);
        vm.expectRevert(abi.encodeWithSelector(ILaunchpad.Launchpad_FeeTooHigh.selector, 1_001, 1_000));
        launchpad.setFeeBps(1_001);
        vm.expectRevert(ILaunchpad.Launchpad_ZeroAddress.selector);
        launchpad.setFeeRecipient(address(0));
        vm.expectRevert(
            abi.encodeWithSelector(ILaunchpad.Launchpad_MigrationFeeTooHigh.selector, 10 ether + 1, 10 ether)
        );
        launchpad.setMigrationFee(10 ether + 1);
        vm.expectEmit(false, false, false, true);
        emit ILaunchpad.FeeUpdated(1_000);
        launchpad.setFeeBps(1_000);
        launchpad.setFeeRecipient(bob);
        vm.stopPrank();
        assertEq(launchpad.feeBps(), 1_000, "fee");
        assertEq(launchpad.feeRecipient(), bob, "recipient");

        LaunchpadToken token = _launch(alice);
        uint256 bobBefore = bob.balance;
        _buy(alice, token, 1 ether);
        assertEq(bob.balance - bobBefore, 0.1 ether, "10% to the new recipient");
    }

    function test_config_zeroFee() public {
        vm.prank(owner);
        launchpad.setFeeBps(0);
        LaunchpadToken token = _launch(alice);
        uint256 bought = _buy(bob, token, 1 ether);
        assertEq(feeRecipient.balance, 0, "no fee");
        assertEq(_curve(token).realEthReserve, 1 ether, "all into the curve");
        assertLe(_sell(bob, token, bought), 1 ether, "round trip never profits");
    }

    function test_feeRecipientThatRejectsCoin_haltsTradesWithAClearError() public {
        vm.prank(owner);
        launchpad.setFeeRecipient(address(factory)); // no receive function
        LaunchpadToken token = _launch(alice);
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(ILaunchpad.Launchpad_EthTransferFailed.selector, address(factory), 0.01 ether)
        );
        launchpad.buy{value: 1 ether}(address(token), 0, FAR);
    }

    function test_reentrancyFromAPayoutIsBlocked() public {
        LaunchpadToken token = _launch(alice);
        ReenteringSeller attacker = new ReenteringSeller(launchpad, token);
        vm.deal(address(attacker), 1 ether);
        uint256 bought = attacker.buy();
        (uint256 ethOut,) = launchpad.quoteSell(address(token), bought / 2);
        vm.expectRevert(
            abi.encodeWithSelector(ILaunchpad.Launchpad_EthTransferFailed.selector, address(attacker), ethOut)
        );
        attacker.sellHalf();
    }

    function _ceilDiv(uint256 a, uint256 b) private pure returns (uint256) {
        return (a + b - 1) / b;
    }
}

/// @notice Sells into the curve and, when paid, tries to sell again mid-trade.
contract ReenteringSeller {
    ILaunchpad private immutable _launchpad;
    LaunchpadToken private immutable _token;

    constructor(ILaunchpad launchpad_, LaunchpadToken token_) {
        _launchpad = launchpad_;
        _token = token_;
    }

    function buy() external returns (uint256) {
        _token.approve(address(_launchpad), type(uint256).max);
        return _launchpad.buy{value: address(this).balance}(address(_token), 0, type(uint256).max);
    }

    function sellHalf() external {
        _launchpad.sell(address(_token), _token.balanceOf(address(this)) / 2, 0, type(uint256).max);
    }

    receive() external payable {
        _launchpad.sell(address(_token), 1e18, 0, type(uint256).max);
    }
}
