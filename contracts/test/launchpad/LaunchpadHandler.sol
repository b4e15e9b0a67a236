// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Vm} from "../utils/Vm.sol";
import {BondingCurve} from "../../src/launchpad/BondingCurve.sol";
import {Launchpad} from "../../src/launchpad/Launchpad.sol";
import {LaunchpadToken} from "../../src/launchpad/LaunchpadToken.sol";

/// @notice What forge's invariant runner calls at random: buys, sells and transfers of one token by three
///         traders, with bounded inputs, until the curve completes. Keeps ghost totals of the coin that moved
///         through the curve and flags any trade that lowered `k`.
contract LaunchpadHandler {
    Vm private constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    Launchpad private immutable _launchpad;
    LaunchpadToken private immutable _token;
    address[3] private _traders;

    uint256 public ethIntoCurve;
    uint256 public ethOutOfCurve;
    uint256 public trades;
    bool public kDecreased;

    constructor(Launchpad launchpad_, LaunchpadToken token_, address[3] memory traders_) {
        _launchpad = launchpad_;
        _token = token_;
        _traders = traders_;
        for (uint256 i; i < 3; ++i) {
            vm.prank(traders_[i]);
            token_.approve(address(launchpad_), type(uint256).max);
        }
    }

    function buy(uint256 traderSeed, uint256 value) external {
        if (_complete()) return;
        // Mostly small buys; one in 32 up to 100 ETH, so that about half the runs complete and migrate midway.
        value = value % 32 == 0 ? _bound(value >> 5, 1 gwei, 100 ether) : _bound(value, 1 gwei, 5 ether);
        address trader = _trader(traderSeed);
        vm.deal(trader, trader.balance + value);
        uint256 kBefore = _k();
        uint256 realBefore = _launchpad.curve(address(_token)).realEthReserve;
        vm.prank(trader);
        _launchpad.buy{value: value}(address(_token), 0, type(uint256).max);
        BondingCurve.Curve memory c = _launchpad.curve(address(_token));
        // On completion the real reserve left for the pair: take the growth from the virtual reserve instead.
        ethIntoCurve += c.virtualEthReserve - 30 ether - realBefore;
        _record(kBefore);
    }

    function sell(uint256 traderSeed, uint256 amount) external {
        if (_complete()) return;
        address trader = _trader(traderSeed);
        uint256 held = _token.balanceOf(trader);
        if (held == 0) return;
        amount = _bound(amount, 1, held);
        (uint256 gross,) = BondingCurve.quoteSell(_launchpad.curve(address(_token)), amount, 0);
        if (gross == 0) return;
        uint256 kBefore = _k();
        vm.prank(trader);
        _launchpad.sell(address(_token), amount, 0, type(uint256).max);
        ethOutOfCurve += gross;
        _record(kBefore);
    }

    function transfer(uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        address from = _trader(fromSeed);
        uint256 held = _token.balanceOf(from);
        if (held == 0) return;
        vm.prank(from);
        _token.transfer(_trader(toSeed), _bound(amount, 1, held));
    }

    /// @notice Every trader's token balance, summed.
    function tradersBalance() external view returns (uint256 sum) {
        for (uint256 i; i < 3; ++i) {
            sum += _token.balanceOf(_traders[i]);
        }
    }

    function _record(uint256 kBefore) private {
        ++trades;
        if (_k() < kBefore) kDecreased = true;
    }

    function _k() private view returns (uint256) {
        BondingCurve.Curve memory c = _launchpad.curve(address(_token));
        return uint256(c.virtualEthReserve) * c.virtualTokenReserve;
    }

    function _complete() private view returns (bool) {
        return _launchpad.curve(address(_token)).complete;
    }

    function _trader(uint256 seed) private view returns (address) {
        return _traders[seed % 3];
    }

    function _bound(uint256 x, uint256 min, uint256 max) private pure returns (uint256) {
        return min + (x % (max - min + 1));
    }
}
