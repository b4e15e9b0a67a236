// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IGuardTypes as G} from "../../src/vault/IGuardTypes.sol";
import {ISextantGuardModule} from "../../src/vault/ISextantGuardModule.sol";
import {VaultFixture} from "./VaultFixture.sol";
import {VaultToken} from "./VaultMocks.sol";

/// @notice The key slot's cache of unlimited budgets (a gas shortcut) never grants more than the budget slots say:
///         tightening clears it at once, tokens without a cached bit are read from their budget slot, and a token
///         number is never handed to another token.
contract VaultBudgetCacheTest is VaultFixture {
    G.TokenRule internal rule = G.TokenRule(1_000e6, 3_000e6, 500e6, uint32(WINDOW));

    function test_TighteningAnUnlimitedBudgetTakesEffectAtOnce() public {
        _pay(alice, 100e6); // unlimited: not counted
        vm.prank(guardian);
        module.setKeyBudget(agent, address(usdc), 150e6);
        _pay(alice, 100e6);
        _expectExecRevert(
            address(usdc),
            0,
            abi.encodeCall(IERC20.transfer, (alice, 51e6)),
            abi.encodeWithSelector(G.Vault__KeyBudgetExceeded.selector, agent, address(usdc), 100e6, 51e6, 150e6)
        );
        (uint112 amount, uint112 spent) = module.keyBudget(agent, address(usdc));
        assertEq(amount, 150e6, "limited");
        assertEq(spent, 100e6, "counted since the limit");
        vm.prank(guardian);
        module.setKeyBudget(agent, address(0), 0); // no budget left: native denied
        _expectExecRevert(
            alice, 1, "", abi.encodeWithSelector(G.Vault__KeyBudgetExceeded.selector, agent, address(0), 0, 1, 0)
        );
    }

    function test_RaisingBackToUnlimitedNeedsTheTimelockThenSkipsCounting() public {
        vm.prank(guardian);
        module.setKeyBudget(agent, address(usdc), 150e6);
        vm.prank(guardian);
        vm.expectRevert(
            abi.encodeWithSelector(G.Vault__ChangeNeedsTimelock.selector, ISextantGuardModule.setKeyBudget.selector)
        );
        module.setKeyBudget(agent, address(usdc), UNLIMITED);
        _loosen(abi.encodeCall(ISextantGuardModule.setKeyBudget, (agent, address(usdc), UNLIMITED)));
        _pay(alice, 450e6);
        (uint112 amount, uint112 spent) = module.keyBudget(agent, address(usdc));
        assertEq(amount, UNLIMITED, "unlimited");
        assertEq(spent, 0, "not counted");
    }

    function test_NoBudgetForANewTokenMeansDenied() public {
        VaultToken dai = _newRuledToken("DAI");
        _expectExecRevert(
            address(dai),
            0,
            abi.encodeCall(IERC20.transfer, (alice, 1)),
            abi.encodeWithSelector(G.Vault__KeyBudgetExceeded.selector, agent, address(dai), 0, 1, 0)
        );
    }

    function test_BudgetGivenBeforeTheTokenHadARuleIsReadFromItsSlot() public {
        VaultToken dai = new VaultToken("DAI");
        dai.mint(address(safe), 10_000e6);
        address key = vm.addr(0xCA5E);
        G.KeyBudget[] memory b = new G.KeyBudget[](2);
        b[0] = G.KeyBudget(address(dai), UNLIMITED);
        b[1] = G.KeyBudget(address(usdc), 200e6);
        _loosen(abi.encodeCall(ISextantGuardModule.addSessionKey, (key, _keyConfig(), b)));
        _loosen(abi.encodeCall(ISextantGuardModule.setTokenRule, (address(dai), rule)));
        _execAs(key, address(dai), 0, abi.encodeCall(IERC20.transfer, (alice, 450e6)));
        _execAs(key, address(usdc), 0, abi.encodeCall(IERC20.transfer, (alice, 200e6)));
        vm.expectRevert(abi.encodeWithSelector(G.Vault__KeyBudgetExceeded.selector, key, address(usdc), 200e6, 1, 200e6));
        _execAs(key, address(usdc), 0, abi.encodeCall(IERC20.transfer, (alice, 1)));
        vm.prank(guardian);
        module.setKeyBudget(key, address(dai), 100e6); // tightening the uncached budget works the same
        vm.expectRevert(abi.encodeWithSelector(G.Vault__KeyBudgetExceeded.selector, key, address(dai), 0, 101e6, 100e6));
        _execAs(key, address(dai), 0, abi.encodeCall(IERC20.transfer, (alice, 101e6)));
    }

    function test_ARemovedTokensNumberIsNotReused() public {
        vm.prank(guardian);
        module.removeTokenRule(address(usdc)); // agent's cached unlimited bit stays on usdc's number
        VaultToken dai = _newRuledToken("DAI");
        _expectExecRevert(
            address(dai),
            0,
            abi.encodeCall(IERC20.transfer, (alice, 1)),
            abi.encodeWithSelector(G.Vault__KeyBudgetExceeded.selector, agent, address(dai), 0, 1, 0)
        );
        _loosen(abi.encodeCall(ISextantGuardModule.setTokenRule, (address(usdc), rule)));
        _pay(alice, 1e6); // usdc's own unlimited budget, as before
    }

    function test_TokensBeyondTheCacheAreReadFromTheirSlots() public {
        // rules come and go until tokens are numbered above 16 (usdc and native hold 1 and 2)
        VaultToken t;
        for (uint256 i; i < 15; ++i) {
            t = _newRuledToken("T");
            vm.prank(guardian);
            module.removeTokenRule(address(t));
        }
        VaultToken late = _newRuledToken("LATE"); // number 18
        address key = vm.addr(0xCA5F);
        G.KeyBudget[] memory b = new G.KeyBudget[](1);
        b[0] = G.KeyBudget(address(late), UNLIMITED);
        _loosen(abi.encodeCall(ISextantGuardModule.addSessionKey, (key, _keyConfig(), b)));
        _execAs(key, address(late), 0, abi.encodeCall(IERC20.transfer, (alice, 450e6)));
        vm.prank(guardian);
        module.setKeyBudget(key, address(late), 10e6);
        vm.expectRevert(abi.encodeWithSelector(G.Vault__KeyBudgetExceeded.selector, key, address(late), 0, 11e6, 10e6));
        _execAs(key, address(late), 0, abi.encodeCall(IERC20.transfer, (alice, 11e6)));
        _expectExecRevert(
            address(late),
            0,
            abi.encodeCall(IERC20.transfer, (alice, 1)),
            abi.encodeWithSelector(G.Vault__KeyBudgetExceeded.selector, agent, address(late), 0, 1, 0)
        );
    }

    /// @dev Whatever the sequence of budgets (unlimited, limited, none), a payment goes through exactly when the
    ///      budget slot (the `keyBudget` view) allows it.
    function testFuzz_CacheAgreesWithTheBudgetSlot(uint112[4] memory budgets, uint112[4] memory payments) public {
        for (uint256 i; i < 4; ++i) {
            uint112 budget = budgets[i] % 3 == 0 ? UNLIMITED : uint112(bound(budgets[i], 0, 1_000e6));
            _loosen(abi.encodeCall(ISextantGuardModule.setKeyBudget, (agent, address(usdc), budget)));
            for (uint256 j; j < 2; ++j) {
                uint256 amount = bound(payments[(i + j) % 4], 1, 400e6);
                (uint112 limit, uint112 spent) = module.keyBudget(agent, address(usdc));
                bool allowed = limit == UNLIMITED || (limit != 0 && spent + amount <= limit);
                uint256 before = usdc.balanceOf(alice);
                vm.prank(agent);
                try module.execute(address(usdc), 0, abi.encodeCall(IERC20.transfer, (alice, amount))) {
                    assertTrue(allowed, "paid beyond the budget slot");
                    assertEq(usdc.balanceOf(alice) - before, amount, "paid");
                } catch (bytes memory reason) {
                    assertFalse(allowed, "refused within the budget slot");
                    assertEq(bytes4(reason), G.Vault__KeyBudgetExceeded.selector, "refused for the budget");
                }
            }
        }
    }

    function _newRuledToken(string memory name) internal returns (VaultToken token) {
        token = new VaultToken(name);
        token.mint(address(safe), 10_000e6);
        _loosen(abi.encodeCall(ISextantGuardModule.setTokenRule, (address(token), rule)));
    }
}
