// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IGuardTypes as G} from "../../src/vault/IGuardTypes.sol";
import {ISextantGuardModule} from "../../src/vault/ISextantGuardModule.sol";
import {VaultFixture} from "./VaultFixture.sol";
import {HookToken, PullTarget, Reenterer, SkimmingToken, VaultToken} from "./VaultMocks.sol";

/// @notice The attacker's view: what a prompt-injected or compromised agent would send, and why it fails.
contract VaultAttacksTest is VaultFixture {
    /// @dev Freysa (Nov 2024): "approveTransfer" reframed as a way to receive funds. Here the agent is talked into
    ///      "approving" the attacker: approvals are spending, so the recipient allowlist and the caps apply.
    function test_FreysaReframedApprove() public {
        _expectExecRevert(
            address(usdc), 0, abi.encodeCall(IERC20.approve, (mallory, type(uint256).max)),
            abi.encodeWithSelector(G.Vault__RecipientNotAllowed.selector, mallory)
        );
        _expectExecRevert(
            address(usdc), 0, abi.encodeCall(VaultToken.increaseAllowance, (mallory, 1)),
            abi.encodeWithSelector(G.Vault__RecipientNotAllowed.selector, mallory)
        );
        _expectExecRevert(mallory, 50 ether, "", abi.encodeWithSelector(G.Vault__RecipientNotAllowed.selector, mallory));
        _expectExecRevert( // even to an allowlisted payee, "send everything" hits the caps
            alice, 50 ether, "", abi.encodeWithSelector(G.Vault__PerTxCapExceeded.selector, address(0), 50 ether, 1 ether)
        );
        assertEq(usdc.allowance(address(safe), mallory), 0, "no allowance");
    }

    /// @dev Approve an allowlisted spender, then drain through it beyond what was approved: the approval was
    ///      counted against the caps, and a drain inside an execute beyond the reservation trips the post-condition.
    function test_UnlimitedApprovalToAllowlistedSpenderRefused() public {
        _expectExecRevert(
            address(usdc), 0, abi.encodeCall(IERC20.approve, (address(dex), type(uint256).max)),
            abi.encodeWithSelector(G.Vault__PerTxCapExceeded.selector, address(usdc), type(uint256).max, 1_000e6)
        );
    }

    function test_ApproveThenDrainCounted() public {
        _exec(address(usdc), 0, abi.encodeCall(IERC20.approve, (address(dex), 400e6)));
        assertEq(module.windowSpent(address(usdc)), 400e6, "approval counted");
        // the spender pulls on its own: bounded by the counted allowance
        vm.prank(address(dex));
        usdc.transferFrom(address(safe), address(dex), 400e6);
        vm.prank(address(dex));
        vm.expectRevert();
        usdc.transferFrom(address(safe), address(dex), 1);
        // an allowlisted target function that pulls during an execute beyond that execute's reservation
        G.ParamCondition[] memory none = new G.ParamCondition[](0);
        _loosen(abi.encodeCall(ISextantGuardModule.setTargetFunction, (address(dex), PullTarget.drain.selector, none)));
        bytes memory batch = _multiSend(
            abi.encodePacked(
                _tx(address(usdc), 0, abi.encodeCall(IERC20.approve, (address(dex), 100e6))),
                _tx(address(dex), 0, abi.encodeCall(PullTarget.drain, (address(usdc), address(safe), address(dex), 100e6))),
                _tx(address(usdc), 0, abi.encodeCall(IERC20.transfer, (alice, 50e6)))
            )
        );
        // the approval reserved 100 and the transfer 50 (150 in all): a 100 drain + 50 transfer is within it
        _exec(address(0xDEAD), 0, batch);
        assertEq(usdc.balanceOf(address(dex)), 500e6, "spender got what was approved");
        // a leftover allowance used inside a later execute that reserved less: the post-condition reverts it
        _exec(address(usdc), 0, abi.encodeCall(IERC20.approve, (address(dex), 200e6)));
        bytes memory sneaky = _multiSend(
            abi.encodePacked(
                _tx(address(usdc), 0, abi.encodeCall(IERC20.transfer, (alice, 10e6))),
                _tx(address(dex), 0, abi.encodeCall(PullTarget.drain, (address(usdc), address(safe), address(dex), 200e6)))
            )
        );
        _expectExecRevert(
            address(0xDEAD), 0, sneaky, abi.encodeWithSelector(G.Vault__OutflowExceeded.selector, address(usdc), 210e6, 10e6)
        );
    }

    /// @dev Nested multiSend smuggling a DELEGATECALL (e.g. to a contract that rewrites the Safe's owners).
    function test_NestedMultiSendWithDelegatecall() public {
        bytes memory evil = abi.encodeWithSignature("addOwnerWithThreshold(address,uint256)", mallory, 1);
        bytes memory inner = _multiSend(_txOp(1, address(dex), 0, evil));
        bytes memory outer = _multiSend(abi.encodePacked(_tx(address(usdc), 0, abi.encodeCall(IERC20.transfer, (alice, 1))), _tx(address(0xDEAD), 0, inner)));
        _expectExecRevert(address(0xDEAD), 0, outer, abi.encodeWithSelector(G.Vault__DelegateCallDenied.selector, address(dex)));
        assertFalse(safe.isOwner(mallory), "owners unchanged");
    }

    /// @dev Self-call escapes: asking the Safe to add an owner / enable a module, or the module to loosen itself.
    function test_SelfCallEscapes() public {
        bytes memory addOwner = abi.encodeWithSignature("addOwnerWithThreshold(address,uint256)", mallory, 1);
        _expectExecRevert(address(safe), 0, addOwner, abi.encodeWithSelector(G.Vault__SelfCallDenied.selector, address(safe)));
        bytes memory queue = abi.encodeCall(ISextantGuardModule.queueChange, (abi.encodeCall(ISextantGuardModule.setRecipient, (mallory, true))));
        _expectExecRevert(address(module), 0, queue, abi.encodeWithSelector(G.Vault__SelfCallDenied.selector, address(module)));
        _expectExecRevert(
            address(0xDEAD), 0, _multiSend(_tx(address(module), 0, queue)),
            abi.encodeWithSelector(G.Vault__SelfCallDenied.selector, address(module))
        );
        assertFalse(safe.isOwner(mallory), "owners unchanged");
        assertEq(module.nextChangeNonce(), 0, "nothing queued");
    }

    /// @dev Window-boundary burst: a full cap just before a calendar-day boundary and another just after. Fixed
    ///      periods would allow 2x the cap within seconds; the exact rolling window does not.
    function test_WindowBoundaryBurst() public {
        uint256 midnight = (block.timestamp / 1 days + 1) * 1 days;
        vm.warp(midnight - 10);
        for (uint256 i; i < 6; ++i) {
            _pay(alice, 500e6);
        }
        vm.warp(midnight + 10);
        _expectExecRevert(
            address(usdc), 0, abi.encodeCall(IERC20.transfer, (alice, 500e6)),
            abi.encodeWithSelector(G.Vault__WindowCapExceeded.selector, address(usdc), 3_000e6, 500e6, 3_000e6)
        );
        vm.warp(midnight - 10 + WINDOW);
        _pay(alice, 500e6); // only once the burst has left the window
        assertEq(usdc.balanceOf(alice), 3_500e6, "3,500 over 24h + 1s, never 6,000 in 20s");
    }

    /// @dev A stolen session key used after its end, and after the guardian revoked it.
    function test_StolenExpiredKey() public {
        address stolen = vm.addr(0x5701E);
        G.SessionKeyConfig memory c = G.SessionKeyConfig(uint40(block.timestamp), uint40(block.timestamp + 2 days), 0, 0, 0);
        _loosen(abi.encodeCall(ISextantGuardModule.addSessionKey, (stolen, c, _budgets(UNLIMITED, UNLIMITED))));
        _execAs(stolen, alice, 1, "");
        vm.warp(uint256(c.validUntil) + 1);
        vm.expectRevert(abi.encodeWithSelector(G.Vault__SessionKeyOutsideValidity.selector, stolen, c.validAfter, c.validUntil));
        _execAs(stolen, alice, 1, "");
        vm.prank(guardian);
        module.kill();
        vm.expectRevert(abi.encodeWithSelector(G.Vault__Paused.selector));
        _execAs(stolen, alice, 1, "");
    }

    /// @dev A co-signature replayed, or reused for another amount, recipient or key.
    function test_ReplayedCoSignature() public {
        bytes memory data = abi.encodeCall(IERC20.transfer, (alice, 700e6));
        uint256 expiry = block.timestamp + 1 hours;
        bytes memory sig = _coSign(OWNER1_PK, agent, address(usdc), 0, data, 42, expiry);
        vm.prank(agent);
        module.executeWithCoSignature(address(usdc), 0, data, 42, expiry, sig);
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(G.Vault__CoSignatureReplayed.selector, 42));
        module.executeWithCoSignature(address(usdc), 0, data, 42, expiry, sig);
        vm.prank(agent);
        vm.expectRevert(); // another nonce: the signature no longer recovers to an owner
        module.executeWithCoSignature(address(usdc), 0, data, 43, expiry, sig);
        assertEq(usdc.balanceOf(alice), 700e6, "paid once");
    }

    /// @dev A token that takes more than it says (hidden transfer): the post-condition reverts everything.
    function test_HiddenOutflowTripsPostCondition() public {
        SkimmingToken skim = new SkimmingToken(mallory, 50e6);
        skim.mint(address(safe), 10_000e6);
        _loosen(abi.encodeCall(ISextantGuardModule.setTokenRule, (address(skim), G.TokenRule(1_000e6, 3_000e6, 1_000e6, uint32(WINDOW)))));
        vm.prank(guardian);
        module.revokeSessionKey(agent);
        G.KeyBudget[] memory b = new G.KeyBudget[](1);
        b[0] = G.KeyBudget(address(skim), UNLIMITED);
        _loosen(abi.encodeCall(ISextantGuardModule.addSessionKey, (agent, _keyConfig(), b)));
        _expectExecRevert(
            address(skim), 0, abi.encodeCall(IERC20.transfer, (alice, 100e6)),
            abi.encodeWithSelector(G.Vault__OutflowExceeded.selector, address(skim), 150e6, 100e6)
        );
        assertEq(skim.balanceOf(mallory), 0, "nothing skimmed");
    }

    /// @dev A token with a receive hook: the recipient reenters the module mid-execution.
    function test_ReentrantToken() public {
        HookToken hook = new HookToken();
        hook.mint(address(safe), 10_000e6);
        Reenterer r = new Reenterer();
        _loosen(abi.encodeCall(ISextantGuardModule.setTokenRule, (address(hook), G.TokenRule(1_000e6, 3_000e6, 1_000e6, uint32(WINDOW)))));
        _loosen(abi.encodeCall(ISextantGuardModule.setRecipient, (address(r), true)));
        vm.prank(guardian);
        module.revokeSessionKey(agent);
        G.KeyBudget[] memory b = new G.KeyBudget[](1);
        b[0] = G.KeyBudget(address(hook), UNLIMITED);
        _loosen(abi.encodeCall(ISextantGuardModule.addSessionKey, (agent, _keyConfig(), b)));
        // the recipient tries to run a second payment to itself through the module, and to run a queued change
        r.arm(address(module), abi.encodeCall(ISextantGuardModule.execute, (address(hook), 0, abi.encodeCall(IERC20.transfer, (address(r), 900e6)))));
        _exec(address(hook), 0, abi.encodeCall(IERC20.transfer, (address(r), 100e6)));
        assertTrue(r.reverted(), "reentry refused");
        assertEq(bytes4(r.reason()), G.Vault__Reentrancy.selector, "with Vault__Reentrancy");
        assertEq(hook.balanceOf(address(r)), 100e6, "only the first payment");
    }

    /// @dev Many calls racing for one budget in one block: each is checked against the state the previous left.
    function test_ParallelRequestsShareOneBudget() public {
        uint256 paid;
        for (uint256 i; i < 100; ++i) {
            vm.prank(agent);
            try module.execute(address(usdc), 0, abi.encodeCall(IERC20.transfer, (alice, 100e6))) {
                paid += 100e6;
            } catch {}
        }
        assertEq(paid, 3_000e6, "exactly the window cap, no more");
        assertEq(usdc.balanceOf(alice), 3_000e6, "balance agrees");
    }
}
