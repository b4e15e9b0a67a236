// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IGuardTypes as G} from "../../src/vault/IGuardTypes.sol";
import {ISextantGuardModule} from "../../src/vault/ISextantGuardModule.sol";
import {VaultFixture} from "./VaultFixture.sol";
import {VaultHandler} from "./VaultHandler.sol";

/// @notice Handler-based invariants of the wallet guard, whatever sequence of agent payments (every shape),
///         escapes, time jumps, spender drains, guardian tightening, loosening attempts and timelocked owner
///         changes forge tries:
///         1. the Safe's measured outflow through the module (balance drops + allowances granted) in any rolling
///            window is at most the window cap, per token; spenders never pull more than was granted;
///         2. no value reaches (and no allowance goes to) an address the owners never allowed;
///         3. permissions change only through the owners plus the timelock (or tighten by a guardian).
/// @dev CI runs foundry.toml's short [invariant] config; `npm run test:invariants:deep` runs >= 1,000,000 calls.
abstract contract VaultInvariantBase is VaultFixture {
    VaultHandler internal handler;

    function setUp() public override {
        super.setUp();
        // a key valid for the whole campaign, with limited budgets (so raising them is a loosening)
        vm.prank(guardian);
        module.revokeSessionKey(agent);
        G.SessionKeyConfig memory c = G.SessionKeyConfig(uint40(block.timestamp), type(uint40).max, 0, 0, 0);
        _loosen(abi.encodeCall(ISextantGuardModule.addSessionKey, (agent, c, _budgets(1_000_000 ether, 1_000_000_000e6))));
        usdc.mint(address(safe), 1_000_000_000e6);
        vm.deal(address(safe), 1_000_000 ether);
        handler = new VaultHandler(
            module, address(safe), usdc, dex, agent, guardian, [alice, address(dex), bob, mallory], TIMELOCK
        );
        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](9);
        selectors[0] = VaultHandler.pay.selector;
        selectors[1] = VaultHandler.payBatch.selector;
        selectors[2] = VaultHandler.escape.selector;
        selectors[3] = VaultHandler.warp.selector;
        selectors[4] = VaultHandler.drain.selector;
        selectors[5] = VaultHandler.guardianTightens.selector;
        selectors[6] = VaultHandler.attackerLoosens.selector;
        selectors[7] = VaultHandler.ownersLoosen.selector;
        selectors[8] = VaultHandler.pay.selector; // payments twice as likely
        targetSelector(FuzzSelector(address(handler), selectors));
    }

    function _checkWindow() internal view {
        assertLe(handler.windowOutflow(address(usdc)), 3_000e6, "USDC outflow in the rolling window <= cap");
        assertLe(handler.windowOutflow(address(0)), 3 ether, "native outflow in the rolling window <= cap");
        assertLe(handler.drainedTotal(), handler.approvedTotal(), "spenders pulled <= allowances granted");
    }

    function _checkAllowlist() internal view {
        assertEq(handler.leakedTo(), address(0), "a token or allowance reached a never-allowed address");
        assertEq(mallory.balance, 0, "no native to mallory");
        if (!handler.everAllowed(bob)) assertEq(bob.balance, 0, "no native to bob before he was allowed");
        assertEq(usdc.balanceOf(mallory), 0, "no USDC to mallory");
        assertEq(usdc.allowance(address(safe), mallory), 0, "no allowance to mallory");
    }

    function _checkPermissions() internal view {
        assertFalse(handler.unauthorizedChange(), "a loosening succeeded outside the timelock");
        address[4] memory a = [alice, address(dex), bob, mallory];
        for (uint256 i; i < 4; ++i) {
            assertEq(module.isRecipient(a[i]), handler.modelRecipient(a[i]), "recipients match the owners' model");
        }
        G.TokenRule memory r = module.tokenRule(address(usdc));
        assertLe(r.perTxCap, 1_000e6, "USDC per-tx cap never raised");
        assertLe(r.windowCap, 3_000e6, "USDC window cap never raised");
        assertLe(module.tokenRule(address(0)).windowCap, 3 ether, "native window cap never raised");
        assertFalse(module.isGuardian(mallory), "no new guardian");
        assertFalse(module.sessionKey(mallory).active, "no new session key");
        (uint112 budget,) = module.keyBudget(agent, address(usdc));
        assertLe(budget, 1_000_000_000e6, "agent budget never raised");
        assertEq(module.timelockSeconds(), TIMELOCK, "timelock unchanged");
    }

    /// @dev Printed with -vv: how much of the run got past the policy (a run where nothing succeeds proves nothing).
    function afterInvariant() external virtual {
        emit log_named_uint("handler executes attempted", handler.calls());
        emit log_named_uint("handler executes allowed", handler.successes());
        assertGt(handler.calls(), 0, "no execute attempted");
    }
}

/// @notice The three invariants as separate campaigns (CI: foundry.toml's short [invariant] config).
contract VaultInvariantTest is VaultInvariantBase {
    function invariant_windowOutflowWithinCap() public view {
        _checkWindow();
    }

    function invariant_noValueOutsideAllowlist() public view {
        _checkAllowlist();
    }

    function invariant_permissionsOnlyThroughOwnersAndTimelock() public view {
        _checkPermissions();
    }
}

/// @notice The deep campaign (`npm run test:invariants:deep`, profile `deep`: 1,000 runs x 1,000 calls): one
///         campaign of >= 1,000,000 handler calls with all three invariants checked after every call.
contract VaultInvariantDeepTest is VaultInvariantBase {
    function invariant_allThree() public view {
        _checkWindow();
        _checkAllowlist();
        _checkPermissions();
    }
}
