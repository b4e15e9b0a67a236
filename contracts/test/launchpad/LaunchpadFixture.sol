// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "../utils/Test.sol";
import {BondingCurve} from "../../src/launchpad/BondingCurve.sol";
import {IUniswapV2Factory} from "../../src/launchpad/IUniswapV2Factory.sol";
import {IWETH} from "../../src/launchpad/IWETH.sol";
import {Launchpad} from "../../src/launchpad/Launchpad.sol";
import {LaunchpadToken} from "../../src/launchpad/LaunchpadToken.sol";
import {WETH9} from "../../src/launchpad/WETH9.sol";

/// @notice Deploys WETH9, the real Uniswap V2 factory from `@uniswap/v2-core`'s npm build, and a launchpad at
///         pump.fun's 1% fee; helpers to launch and trade as a given account.
abstract contract LaunchpadFixture is Test {
    string internal constant V2_BUILD = "../node_modules/@uniswap/v2-core/build/";
    uint256 internal constant FAR = type(uint256).max;
    address internal constant DEAD = 0x000000000000000000000000000000000000dEaD;

    address internal immutable owner = _account("owner");
    address internal immutable feeRecipient = _account("feeRecipient");
    address internal immutable alice = _account("alice");
    address internal immutable bob = _account("bob");

    WETH9 internal weth;
    IUniswapV2Factory internal factory;
    Launchpad internal launchpad;

    function setUp() public virtual {
        weth = new WETH9();
        factory = IUniswapV2Factory(_deployArtifact("UniswapV2Factory", abi.encode(address(0))));
        launchpad = new Launchpad(factory, IWETH(address(weth)), owner, feeRecipient, 100);
        vm.deal(alice, 1_000 ether);
        vm.deal(bob, 1_000 ether);
    }

    /// @dev Deploys `name` from the npm package's compiled artifact (its `bytecode` key, hex without 0x).
    function _deployArtifact(string memory name, bytes memory args) internal returns (address deployed) {
        string memory json = vm.readFile(string.concat(V2_BUILD, name, ".json"));
        bytes memory init = abi.encodePacked(vm.parseJsonBytes(json, ".bytecode"), args);
        assembly {
            deployed := create(0, add(init, 0x20), mload(init))
        }
        require(deployed != address(0), "artifact deploy failed");
    }

    function _account(string memory name) internal returns (address account) {
        account = address(uint160(uint256(keccak256(bytes(name)))));
        vm.label(account, name);
    }

    function _launch(address creator) internal returns (LaunchpadToken) {
        vm.prank(creator);
        return LaunchpadToken(launchpad.launch("Moon Cat", "MCAT", 0));
    }

    function _buy(address trader, LaunchpadToken token, uint256 value) internal returns (uint256) {
        vm.prank(trader);
        return launchpad.buy{value: value}(address(token), 0, FAR);
    }

    function _sell(address trader, LaunchpadToken token, uint256 amount) internal returns (uint256) {
        vm.startPrank(trader);
        token.approve(address(launchpad), amount);
        uint256 out = launchpad.sell(address(token), amount, 0, FAR);
        vm.stopPrank();
        return out;
    }

    function _curve(LaunchpadToken token) internal view returns (BondingCurve.Curve memory) {
        return launchpad.curve(address(token));
    }

    /// @dev Buys out the curve as alice (the excess is refunded), which completes and migrates it.
    function _complete(LaunchpadToken token) internal {
        _buy(alice, token, 200 ether);
    }
}
