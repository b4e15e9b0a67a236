// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {WETH9} from "../../src/launchpad/WETH9.sol";

/// @notice The local WETH9 wraps and unwraps one for one.
contract WETH9Test is Test {
    WETH9 private _weth;

    function setUp() public {
        _weth = new WETH9();
    }

    receive() external payable {}

    function test_wrapsAndUnwraps() public {
        vm.deal(address(this), 3 ether);
        _weth.deposit{value: 1 ether}();
        (bool ok,) = address(_weth).call{value: 1 ether}("");
        assertTrue(ok, "plain transfer wraps");
        assertEq(_weth.balanceOf(address(this)), 2 ether, "wrapped");
        assertEq(_weth.totalSupply(), address(_weth).balance, "fully backed");
        _weth.withdraw(1.5 ether);
        assertEq(address(this).balance, 2.5 ether, "unwrapped");
        assertEq(_weth.balanceOf(address(this)), 0.5 ether, "burned");
        vm.expectRevert();
        _weth.withdraw(1 ether);
    }
}
