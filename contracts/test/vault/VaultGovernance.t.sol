// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IGuardTypes as G} from "../../src/vault/IGuardTypes.sol";
import {ISextantGuardModule} from "../../src/vault/ISextantGuardModule.sol";
import {SextantGuardModule} from "../../src/vault/SextantGuardModule.sol";
import {VaultFixture} from "./VaultFixture.sol";

/// @notice Loosening only through the Safe plus the timelock; tightening, pause and kill at once by a guardian.
contract VaultGovernanceTest is VaultFixture {
    function _raise() internal pure returns (G.TokenRule memory) {
        return G.TokenRule(5_000e6, 10_000e6, 5_000e6, uint32(WINDOW));
    }

    function test_LooseningNeedsTimelock() public {
        bytes memory change = abi.encodeCall(ISextantGuardModule.setTokenRule, (address(usdc), _raise()));
        bytes memory needs = abi.encodeWithSelector(G.Vault__ChangeNeedsTimelock.selector, ISextantGuardModule.setTokenRule.selector);
        vm.prank(address(safe));
        vm.expectRevert(needs);
        module.setTokenRule(address(usdc), _raise());
        vm.prank(guardian);
        vm.expectRevert(needs);
        module.setTokenRule(address(usdc), _raise());
        uint256 nonce = module.nextChangeNonce();
        vm.prank(address(safe));
        bytes32 id = module.queueChange(change);
        uint64 eta = module.changeEta(id);
        assertEq(eta, block.timestamp + TIMELOCK, "eta");
        vm.warp(eta - 1);
        vm.expectRevert(abi.encodeWithSelector(G.Vault__ChangeNotReady.selector, id, eta));
        module.executeChange(nonce, change);
        vm.warp(eta);
        vm.prank(mallory); // anyone may run a ready change
        module.executeChange(nonce, change);
        assertEq(module.tokenRule(address(usdc)).perTxCap, 5_000e6, "raised");
        vm.expectRevert(abi.encodeWithSelector(G.Vault__ChangeNotQueued.selector, id));
        module.executeChange(nonce, change);
    }

    function test_OnlySafeQueues() public {
        bytes memory change = abi.encodeCall(ISextantGuardModule.setRecipient, (mallory, true));
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(G.Vault__NotSafe.selector, guardian));
        module.queueChange(change);
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(G.Vault__NotSafe.selector, agent));
        module.queueChange(change);
        bytes memory exec = abi.encodeCall(ISextantGuardModule.execute, (alice, 1, ""));
        vm.prank(address(safe));
        vm.expectRevert(abi.encodeWithSelector(G.Vault__ChangeNotAllowed.selector, ISextantGuardModule.execute.selector));
        module.queueChange(exec);
    }

    function test_StrangersCannotChangeAnything() public {
        vm.startPrank(mallory);
        vm.expectRevert(abi.encodeWithSelector(G.Vault__NotGuardianOrSafe.selector, mallory));
        module.pause();
        vm.expectRevert(abi.encodeWithSelector(G.Vault__NotGuardianOrSafe.selector, mallory));
        module.setRecipient(mallory, true);
        vm.expectRevert(abi.encodeWithSelector(G.Vault__NotGuardianOrSafe.selector, mallory));
        module.revokeSessionKey(agent);
        vm.stopPrank();
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(G.Vault__NotGuardianOrSafe.selector, agent));
        module.addSessionKey(agent, _keyConfig(), _budgets(UNLIMITED, UNLIMITED));
    }

    function test_GuardianTightensAtOnce() public {
        vm.startPrank(guardian);
        module.setTokenRule(address(usdc), G.TokenRule(100e6, 200e6, 50e6, uint32(WINDOW)));
        module.setRecipient(alice, false);
        module.setKeyBudget(agent, address(usdc), 10e6);
        module.setTimelock(2 days);
        vm.stopPrank();
        assertEq(module.tokenRule(address(usdc)).windowCap, 200e6, "lowered");
        assertFalse(module.isRecipient(alice), "removed");
        assertEq(module.timelockSeconds(), 2 days, "timelock up");
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(G.Vault__ChangeNeedsTimelock.selector, ISextantGuardModule.setTimelock.selector));
        module.setTimelock(1 hours);
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(G.Vault__ChangeNeedsTimelock.selector, ISextantGuardModule.setTokenRule.selector));
        module.setTokenRule(address(usdc), G.TokenRule(100e6, 200e6, 50e6, uint32(WINDOW + 1))); // window change
    }

    function test_PauseAndUnpause() public {
        vm.prank(guardian);
        module.pause();
        _expectExecRevert(alice, 1, "", abi.encodeWithSelector(G.Vault__Paused.selector));
        vm.prank(address(safe));
        vm.expectRevert(abi.encodeWithSelector(G.Vault__ChangeNeedsTimelock.selector, ISextantGuardModule.unpause.selector));
        module.unpause();
        _loosen(abi.encodeCall(ISextantGuardModule.unpause, ()));
        _exec(alice, 1, "");
    }

    function test_KillSwitch() public {
        uint256 nonce = module.nextChangeNonce();
        bytes memory change = abi.encodeCall(ISextantGuardModule.setRecipient, (bob, true));
        vm.prank(address(safe));
        bytes32 id = module.queueChange(change);
        vm.prank(guardian);
        module.kill();
        assertTrue(module.paused(), "paused");
        assertFalse(module.sessionKey(agent).active, "keys revoked");
        assertEq(module.changeEta(id), 0, "queued change cancelled");
        vm.warp(block.timestamp + TIMELOCK);
        vm.expectRevert(abi.encodeWithSelector(G.Vault__ChangeNotQueued.selector, id));
        module.executeChange(nonce, change);
        _loosen(abi.encodeCall(ISextantGuardModule.unpause, ()));
        _expectExecRevert(alice, 1, "", abi.encodeWithSelector(G.Vault__InvalidSessionKey.selector, agent));
        _loosen(abi.encodeCall(ISextantGuardModule.addSessionKey, (agent, _keyConfig(), _budgets(UNLIMITED, UNLIMITED))));
        _exec(alice, 1, "");
    }

    function test_CancelChange() public {
        uint256 nonce = module.nextChangeNonce();
        bytes memory change = abi.encodeCall(ISextantGuardModule.setGuardian, (mallory, true));
        vm.prank(address(safe));
        bytes32 id = module.queueChange(change);
        vm.prank(guardian);
        module.cancelChange(id);
        vm.warp(block.timestamp + TIMELOCK);
        vm.expectRevert(abi.encodeWithSelector(G.Vault__ChangeNotQueued.selector, id));
        module.executeChange(nonce, change);
        assertFalse(module.isGuardian(mallory), "not added");
    }

    function test_SetupPhase() public {
        address[] memory none = new address[](0);
        ISextantGuardModule fresh = ISextantGuardModule(address(new SextantGuardModule(address(safe), none, 0)));
        vm.prank(address(safe));
        fresh.setRecipient(alice, true); // loosening at once before seal
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(G.Vault__SetupPhase.selector, false));
        fresh.execute(alice, 1, "");
        vm.prank(address(safe));
        fresh.seal();
        vm.prank(address(safe));
        vm.expectRevert(abi.encodeWithSelector(G.Vault__SetupPhase.selector, true));
        fresh.seal();
    }

    function test_GovernancePartRefusesDirectCalls() public {
        address gov = SextantGuardModule(address(module)).governance();
        vm.prank(address(safe));
        vm.expectRevert(abi.encodeWithSelector(G.Vault__NotDelegated.selector));
        ISextantGuardModule(gov).setRecipient(mallory, true);
    }

    function test_ReceivingTokensChangesNothing() public {
        usdc.mint(address(module), 1e6);
        vm.deal(address(this), 1 ether);
        (bool ok,) = address(module).call{value: 1}("");
        assertFalse(ok, "module refuses ether");
        assertFalse(module.isRecipient(mallory), "no change");
        _pay(alice, 1);
    }

    function test_InvalidConfigRejected() public {
        vm.startPrank(guardian);
        vm.expectRevert(abi.encodeWithSelector(G.Vault__InvalidConfig.selector, bytes32("timelock above MAX_TIMELOCK")));
        module.setTimelock(31 days);
        vm.stopPrank();
        bytes memory bad = abi.encodeCall(ISextantGuardModule.setTokenRule, (address(usdc), G.TokenRule(1, 1, 1, 0)));
        uint256 nonce = module.nextChangeNonce();
        vm.prank(address(safe));
        module.queueChange(bad);
        vm.warp(block.timestamp + TIMELOCK);
        vm.expectRevert();
        module.executeChange(nonce, bad);
        assertEq(module.tokenRule(address(usdc)).windowSeconds, WINDOW, "unchanged");
        _pay(alice, 1);
        assertEq(usdc.balanceOf(alice), 1, "still works");
        assertEq(IERC20(address(usdc)).balanceOf(mallory), 0, "nothing moved");
    }

    /// @dev Every view of the interface answers at the module's address, and the EIP-712 digest is the standard
    ///      one (what viem's hashTypedData computes for the same domain and `Intent` type).
    function test_InterfaceViewsAndEip712() public view {
        assertEq(module.safe(), address(safe), "safe");
        assertTrue(module.isSealed(), "sealed");
        address[] memory t = module.tokens();
        assertEq(t.length, 2, "two token rules");
        assertEq(t[0], address(0), "native first");
        assertEq(t[1], address(usdc), "then usdc");
        (bool allowed, G.ParamCondition[] memory c) = module.targetFunction(address(dex), bytes4(0x12345678));
        assertFalse(allowed, "not allowlisted");
        assertEq(c.length, 0, "no conditions");
        assertEq(module.changeId(7, hex"abcd"), keccak256(abi.encode(uint256(7), bytes(hex"abcd"))), "changeId");
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("SextantGuardModule"),
                keccak256("1"),
                block.chainid,
                address(module)
            )
        );
        assertEq(module.domainSeparator(), domain, "domain separator");
        G.Intent memory i = G.Intent(address(safe), address(module), agent, alice, 1, keccak256("data"), 5, 99);
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256(
                    "Intent(address safe,address module,address sessionKey,address to,uint256 value,bytes32 dataHash,uint256 nonce,uint256 expiry)"
                ),
                i.safe, i.module, i.sessionKey, i.to, i.value, i.dataHash, i.nonce, i.expiry
            )
        );
        assertEq(module.intentHash(i), keccak256(abi.encodePacked("\x19\x01", domain, structHash)), "EIP-712 digest");
    }
}
