// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IGuardTypes as G} from "../../src/vault/IGuardTypes.sol";
import {ISextantGuardModule} from "../../src/vault/ISextantGuardModule.sol";
import {VaultFixture} from "./VaultFixture.sol";

/// @notice Batches (recursive unwrapping, delegatecall and self-call denial), session keys (validity, uses, exact
///         rate limit, revocation) and the human co-signature (intent-bound, single use, expiring).
contract VaultKeysAndBatchesTest is VaultFixture {
    function _transfer(address to, uint256 amount) internal view returns (bytes memory) {
        return _tx(address(usdc), 0, abi.encodeCall(IERC20.transfer, (to, amount)));
    }

    function test_MultiSendUnwrapped() public {
        bytes memory batch = _multiSend(abi.encodePacked(_transfer(alice, 200e6), _tx(alice, 0.1 ether, "")));
        uint256 before = alice.balance;
        G.Reservation[] memory r = _exec(address(0xDEAD), 0, batch);
        assertEq(usdc.balanceOf(alice), 200e6, "token leg");
        assertEq(alice.balance - before, 0.1 ether, "native leg");
        assertEq(r.length, 2, "two tokens");
        assertEq(module.windowSpent(address(usdc)), 200e6, "usdc window");
    }

    function test_NestedBatchesCountedTogether() public {
        bytes memory inner = _multiSend(abi.encodePacked(_transfer(alice, 400e6), _transfer(alice, 400e6)));
        bytes memory outer = _multiSend(abi.encodePacked(_transfer(alice, 400e6), _tx(address(0xDEAD), 0, inner)));
        _expectExecRevert(
            address(0xDEAD), 0, outer,
            abi.encodeWithSelector(G.Vault__PerTxCapExceeded.selector, address(usdc), 1_200e6, 1_000e6)
        );
        bytes memory small = _multiSend(abi.encodePacked(_transfer(alice, 200e6), _tx(address(0xDEAD), 0, _multiSend(_transfer(alice, 250e6)))));
        _exec(address(0xDEAD), 0, small);
        assertEq(usdc.balanceOf(alice), 450e6, "nested paid");
    }

    function test_DelegateCallInBatchDenied() public {
        bytes memory dc = _multiSend(_txOp(1, address(usdc), 0, abi.encodeCall(IERC20.transfer, (alice, 1))));
        _expectExecRevert(address(0xDEAD), 0, dc, abi.encodeWithSelector(G.Vault__DelegateCallDenied.selector, address(usdc)));
        bytes memory nested = _multiSend(_tx(address(0xDEAD), 0, dc));
        _expectExecRevert(address(0xDEAD), 0, nested, abi.encodeWithSelector(G.Vault__DelegateCallDenied.selector, address(usdc)));
    }

    function test_SelfCallDenied() public {
        bytes memory enable = abi.encodeWithSignature("enableModule(address)", mallory);
        _expectExecRevert(address(safe), 0, enable, abi.encodeWithSelector(G.Vault__SelfCallDenied.selector, address(safe)));
        bytes memory loosen = abi.encodeCall(ISextantGuardModule.setRecipient, (mallory, true));
        _expectExecRevert(address(module), 0, loosen, abi.encodeWithSelector(G.Vault__SelfCallDenied.selector, address(module)));
        bytes memory hidden = _multiSend(abi.encodePacked(_transfer(alice, 1), _tx(address(safe), 0, enable)));
        _expectExecRevert(address(0xDEAD), 0, hidden, abi.encodeWithSelector(G.Vault__SelfCallDenied.selector, address(safe)));
        _expectExecRevert(address(safe), 0, _multiSend(_transfer(alice, 1)), abi.encodeWithSelector(G.Vault__SelfCallDenied.selector, address(safe)));
    }

    function test_BatchLimits() public {
        bytes memory b = _transfer(alice, 1);
        for (uint256 i; i < 4; ++i) {
            b = _tx(address(0xDEAD), 0, _multiSend(b));
        }
        _exec(address(0xDEAD), 0, _multiSend(abi.encodePacked(_transfer(alice, 1)))); // depth 1 fine
        _expectExecRevert(address(0xDEAD), 0, _multiSend(b), abi.encodeWithSelector(G.Vault__BatchTooDeep.selector));
        bytes memory many;
        for (uint256 i; i < 17; ++i) {
            many = abi.encodePacked(many, _transfer(alice, 1));
        }
        _expectExecRevert(address(0xDEAD), 0, _multiSend(many), abi.encodeWithSelector(G.Vault__TooManyCalls.selector));
        bytes memory truncated = _multiSend(hex"00aabb");
        _expectExecRevert(address(0xDEAD), 0, truncated, abi.encodeWithSelector(G.Vault__MalformedBatch.selector));
        _expectExecRevert(address(0xDEAD), 1, _multiSend(_transfer(alice, 1)), abi.encodeWithSelector(G.Vault__MalformedBatch.selector));
    }

    function test_KeyValidityWindow() public {
        address key = vm.addr(0xC0DE);
        G.SessionKeyConfig memory c = G.SessionKeyConfig(uint40(block.timestamp + 2 days), uint40(block.timestamp + 3 days), 0, 0, 0);
        _loosen(abi.encodeCall(ISextantGuardModule.addSessionKey, (key, c, _budgets(UNLIMITED, UNLIMITED))));
        bytes memory err = abi.encodeWithSelector(G.Vault__SessionKeyOutsideValidity.selector, key, c.validAfter, c.validUntil);
        vm.expectRevert(err);
        _execAs(key, alice, 1, "");
        vm.warp(c.validAfter);
        _execAs(key, alice, 1, "");
        vm.warp(uint256(c.validUntil) + 1);
        vm.expectRevert(err);
        _execAs(key, alice, 1, "");
    }

    function test_MaxUses() public {
        address key = vm.addr(0xC0DE);
        G.SessionKeyConfig memory c = G.SessionKeyConfig(uint40(block.timestamp), uint40(block.timestamp + 9 days), 2, 0, 0);
        _loosen(abi.encodeCall(ISextantGuardModule.addSessionKey, (key, c, _budgets(UNLIMITED, UNLIMITED))));
        _execAs(key, alice, 1, "");
        _execAs(key, alice, 1, "");
        vm.expectRevert(abi.encodeWithSelector(G.Vault__SessionKeyUsesExhausted.selector, key, uint32(2)));
        _execAs(key, alice, 1, "");
        assertEq(module.sessionKey(key).uses, 2, "uses");
    }

    function test_RateLimitIsExactRolling() public {
        address key = vm.addr(0xC0DE);
        G.SessionKeyConfig memory c = G.SessionKeyConfig(uint40(block.timestamp), uint40(block.timestamp + 9 days), 0, 3, 60);
        _loosen(abi.encodeCall(ISextantGuardModule.addSessionKey, (key, c, _budgets(UNLIMITED, UNLIMITED))));
        uint256 t0 = block.timestamp;
        _execAs(key, alice, 1, "");
        vm.warp(t0 + 10);
        _execAs(key, alice, 1, "");
        _execAs(key, alice, 1, "");
        bytes memory err = abi.encodeWithSelector(G.Vault__RateLimited.selector, key, uint16(3), uint32(60));
        vm.expectRevert(err);
        _execAs(key, alice, 1, "");
        vm.warp(t0 + 59);
        vm.expectRevert(err);
        _execAs(key, alice, 1, "");
        vm.warp(t0 + 60); // the first call left the window
        assertEq(module.callsInWindow(key), 2, "two in window");
        _execAs(key, alice, 1, "");
        vm.expectRevert(err);
        _execAs(key, alice, 1, "");
    }

    function test_UnknownAndRevokedKeys() public {
        vm.expectRevert(abi.encodeWithSelector(G.Vault__InvalidSessionKey.selector, mallory));
        _execAs(mallory, alice, 1, "");
        vm.prank(guardian);
        module.revokeSessionKey(agent);
        _expectExecRevert(alice, 1, "", abi.encodeWithSelector(G.Vault__InvalidSessionKey.selector, agent));
        assertFalse(module.sessionKey(agent).active, "inactive");
    }

    function test_CoSignatureAboveThreshold() public {
        bytes memory data = abi.encodeCall(IERC20.transfer, (alice, 800e6));
        _expectExecRevert(address(usdc), 0, data, abi.encodeWithSelector(G.Vault__CoSignatureRequired.selector, address(usdc), 800e6, 500e6));
        uint256 expiry = block.timestamp + 1 hours;
        bytes memory sig = _coSign(OWNER2_PK, agent, address(usdc), 0, data, 7, expiry);
        vm.prank(agent);
        module.executeWithCoSignature(address(usdc), 0, data, 7, expiry, sig);
        assertEq(usdc.balanceOf(alice), 800e6, "paid");
        assertTrue(module.isNonceUsed(7), "nonce consumed");
        vm.expectRevert(abi.encodeWithSelector(G.Vault__CoSignatureReplayed.selector, 7));
        vm.prank(agent);
        module.executeWithCoSignature(address(usdc), 0, data, 7, expiry, sig);
    }

    function test_CoSignatureBoundToIntent() public {
        bytes memory data = abi.encodeCall(IERC20.transfer, (alice, 800e6));
        uint256 expiry = block.timestamp + 3 days;
        bytes memory sig = _coSign(OWNER1_PK, agent, address(usdc), 0, data, 9, expiry);
        bytes memory other = abi.encodeCall(IERC20.transfer, (alice, 900e6));
        vm.prank(agent);
        vm.expectRevert(); // recovers some other address: InvalidCoSignature
        module.executeWithCoSignature(address(usdc), 0, other, 9, expiry, sig);
        address thief = vm.addr(0xC0DE);
        _loosen(abi.encodeCall(ISextantGuardModule.addSessionKey, (thief, _keyConfig(), _budgets(UNLIMITED, UNLIMITED))));
        vm.prank(thief);
        vm.expectRevert();
        module.executeWithCoSignature(address(usdc), 0, data, 9, expiry, sig);
        bytes memory stranger = _coSign(0x5757, agent, address(usdc), 0, data, 10, expiry);
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(G.Vault__InvalidCoSignature.selector, vm.addr(0x5757)));
        module.executeWithCoSignature(address(usdc), 0, data, 10, expiry, stranger);
    }

    function test_CoSignatureExpires() public {
        bytes memory data = abi.encodeCall(IERC20.transfer, (alice, 800e6));
        uint256 expiry = block.timestamp + 1 hours;
        bytes memory sig = _coSign(OWNER1_PK, agent, address(usdc), 0, data, 11, expiry);
        vm.warp(expiry + 1);
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(G.Vault__CoSignatureExpired.selector, expiry));
        module.executeWithCoSignature(address(usdc), 0, data, 11, expiry, sig);
    }

    function test_CoSignatureDoesNotLiftCaps() public {
        bytes memory data = abi.encodeCall(IERC20.transfer, (alice, 1_500e6));
        uint256 expiry = block.timestamp + 1 hours;
        bytes memory sig = _coSign(OWNER1_PK, agent, address(usdc), 0, data, 12, expiry);
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(G.Vault__PerTxCapExceeded.selector, address(usdc), 1_500e6, 1_000e6));
        module.executeWithCoSignature(address(usdc), 0, data, 12, expiry, sig);
    }

    function test_PreviewMatchesExecute() public {
        bytes memory data = abi.encodeCall(IERC20.transfer, (alice, 800e6));
        (G.Reservation[] memory r, bool cosign) = module.previewExecute(agent, address(usdc), 0, data);
        assertTrue(cosign, "needs co-signature");
        assertEq(r[0].amount, 800e6, "reserved");
        vm.expectRevert(abi.encodeWithSelector(G.Vault__RecipientNotAllowed.selector, mallory));
        module.previewExecute(agent, mallory, 1, "");
    }
}
