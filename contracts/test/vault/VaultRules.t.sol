// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IGuardTypes as G} from "../../src/vault/IGuardTypes.sol";
import {ISextantGuardModule} from "../../src/vault/ISextantGuardModule.sol";
import {VaultFixture} from "./VaultFixture.sol";
import {MockPermit2, PullTarget, VaultToken} from "./VaultMocks.sol";

/// @notice One test per spending rule: caps, exact rolling window, recipients, default deny, argument conditions,
///         approvals / permit / Permit2 as spending, never-allowed selectors.
contract VaultRulesTest is VaultFixture {
    function test_NativeTransferWithinCaps() public {
        uint256 before = alice.balance;
        G.Reservation[] memory r = _exec(alice, 0.4 ether, "");
        assertEq(alice.balance - before, 0.4 ether, "alice paid");
        assertEq(r.length, 1, "one reservation");
        assertEq(r[0].token, address(0), "native");
        assertEq(r[0].amount, 0.4 ether, "amount");
        assertEq(module.windowSpent(address(0)), 0.4 ether, "window");
    }

    function test_Erc20TransferWithinCaps() public {
        _pay(alice, 400e6);
        assertEq(usdc.balanceOf(alice), 400e6, "alice paid");
        assertEq(module.windowSpent(address(usdc)), 400e6, "window");
        G.SpendEntry[] memory ledger = module.spendLedger(address(usdc));
        assertEq(ledger.length, 1, "ledger");
        assertEq(ledger[0].timestamp, block.timestamp, "ts");
    }

    function test_PerTxCap() public {
        _loosen(abi.encodeCall(ISextantGuardModule.setTokenRule, (address(usdc), G.TokenRule(1_000e6, 3_000e6, 5_000e6, uint32(WINDOW)))));
        _pay(alice, 1_000e6);
        _expectExecRevert(
            address(usdc),
            0,
            abi.encodeCall(IERC20.transfer, (alice, 1_000e6 + 1)),
            abi.encodeWithSelector(G.Vault__PerTxCapExceeded.selector, address(usdc), 1_000e6 + 1, 1_000e6)
        );
    }

    function test_WindowCapIsExactRolling() public {
        uint256 t0 = block.timestamp;
        for (uint256 i; i < 6; ++i) {
            _pay(alice, 500e6);
            vm.warp(block.timestamp + 1 hours);
        }
        bytes memory pay = abi.encodeCall(IERC20.transfer, (alice, 1));
        bytes memory err =
            abi.encodeWithSelector(G.Vault__WindowCapExceeded.selector, address(usdc), 3_000e6, 1, 3_000e6);
        _expectExecRevert(address(usdc), 0, pay, err);
        vm.warp(t0 + WINDOW - 1); // the first spend still counts for one more second
        _expectExecRevert(address(usdc), 0, pay, err);
        vm.warp(t0 + WINDOW); // now it has left the window: exactly 500e6 free
        assertEq(module.windowSpent(address(usdc)), 2_500e6, "first spend expired");
        _pay(alice, 500e6);
        _expectExecRevert(
            address(usdc),
            0,
            pay,
            abi.encodeWithSelector(G.Vault__WindowCapExceeded.selector, address(usdc), 3_000e6, 1, 3_000e6)
        );
    }

    function test_NativeWindowCap() public {
        for (uint256 i; i < 6; ++i) {
            _exec(alice, 0.5 ether, "");
        }
        _expectExecRevert(
            alice, 1, "", abi.encodeWithSelector(G.Vault__WindowCapExceeded.selector, address(0), 3 ether, 1, 3 ether)
        );
    }

    function test_RecipientNotAllowed() public {
        _expectExecRevert(
            address(usdc),
            0,
            abi.encodeCall(IERC20.transfer, (mallory, 1)),
            abi.encodeWithSelector(G.Vault__RecipientNotAllowed.selector, mallory)
        );
        _expectExecRevert(mallory, 1, "", abi.encodeWithSelector(G.Vault__RecipientNotAllowed.selector, mallory));
        _expectExecRevert(mallory, 0, "", abi.encodeWithSelector(G.Vault__RecipientNotAllowed.selector, mallory));
    }

    function test_DefaultDenyTarget() public {
        bytes memory ping = abi.encodeCall(PullTarget.ping, ());
        _expectExecRevert(
            address(dex), 0, ping, abi.encodeWithSelector(G.Vault__TargetNotAllowed.selector, address(dex), PullTarget.ping.selector)
        );
        _expectExecRevert(address(dex), 0, hex"aabb", abi.encodeWithSelector(G.Vault__MalformedCalldata.selector, address(dex), bytes4(0)));
    }

    function test_TokenWithoutRuleDenied() public {
        VaultToken other = new VaultToken("OTHER");
        other.mint(address(safe), 1e18);
        _expectExecRevert(
            address(other),
            0,
            abi.encodeCall(IERC20.transfer, (alice, 1)),
            abi.encodeWithSelector(G.Vault__TokenNotAllowed.selector, address(other))
        );
    }

    function test_UnknownSelectorOnTokenDenied() public {
        bytes memory mint = abi.encodeCall(VaultToken.mint, (alice, 1));
        _expectExecRevert(
            address(usdc), 0, mint, abi.encodeWithSelector(G.Vault__SelectorDenied.selector, address(usdc), VaultToken.mint.selector)
        );
    }

    function test_ArgumentConditions() public {
        G.ParamCondition[] memory c = new G.ParamCondition[](2);
        c[0] = G.ParamCondition(1, G.ConditionOp.LessOrEqual, bytes32(uint256(100e6)));
        c[1] = G.ParamCondition(2, G.ConditionOp.InRecipients, bytes32(0));
        _loosen(abi.encodeCall(ISextantGuardModule.setTargetFunction, (address(dex), PullTarget.swap.selector, c)));
        _exec(address(usdc), 0, abi.encodeCall(IERC20.approve, (address(dex), 100e6)));
        _exec(address(dex), 0, abi.encodeCall(PullTarget.swap, (address(usdc), 100e6, alice)));
        assertEq(usdc.balanceOf(alice), 100e6, "swapped to alice");
        _expectExecRevert(
            address(dex),
            0,
            abi.encodeCall(PullTarget.swap, (address(usdc), 100e6 + 1, alice)),
            abi.encodeWithSelector(G.Vault__ConditionFailed.selector, address(dex), PullTarget.swap.selector, uint8(1))
        );
        _expectExecRevert(
            address(dex),
            0,
            abi.encodeCall(PullTarget.swap, (address(usdc), 1, mallory)),
            abi.encodeWithSelector(G.Vault__ConditionFailed.selector, address(dex), PullTarget.swap.selector, uint8(2))
        );
    }

    function test_ApproveCountsAsSpending() public {
        _exec(address(usdc), 0, abi.encodeCall(IERC20.approve, (address(dex), 400e6)));
        assertEq(module.windowSpent(address(usdc)), 400e6, "approval reserved");
        assertEq(usdc.allowance(address(safe), address(dex)), 400e6, "allowance");
        _expectExecRevert(
            address(usdc),
            0,
            abi.encodeCall(IERC20.approve, (mallory, 1)),
            abi.encodeWithSelector(G.Vault__RecipientNotAllowed.selector, mallory)
        );
        _expectExecRevert(
            address(usdc),
            0,
            abi.encodeCall(IERC20.approve, (address(dex), type(uint256).max)),
            abi.encodeWithSelector(G.Vault__PerTxCapExceeded.selector, address(usdc), type(uint256).max, 1_000e6)
        );
    }

    function test_IncreaseAllowanceCountsAsSpending() public {
        _exec(address(usdc), 0, abi.encodeCall(VaultToken.increaseAllowance, (address(dex), 300e6)));
        _exec(address(usdc), 0, abi.encodeCall(VaultToken.increaseAllowance, (address(dex), 300e6)));
        assertEq(usdc.allowance(address(safe), address(dex)), 600e6, "allowance");
        assertEq(module.windowSpent(address(usdc)), 600e6, "both reserved");
    }

    function test_PermitCountsAsSpending() public {
        bytes memory permit = abi.encodeWithSelector(
            bytes4(0xd505accf), alice, address(dex), uint256(400e6), block.timestamp, uint8(27), bytes32(0), bytes32(0)
        );
        (G.Reservation[] memory r, bool cosign) = module.previewExecute(agent, address(usdc), 0, permit);
        assertEq(r.length, 1, "reserved");
        assertEq(r[0].amount, 400e6, "permit value reserved");
        assertFalse(cosign, "below threshold");
        bytes memory toMallory = abi.encodeWithSelector(
            bytes4(0xd505accf), alice, mallory, uint256(1), block.timestamp, uint8(27), bytes32(0), bytes32(0)
        );
        _expectExecRevert(address(usdc), 0, toMallory, abi.encodeWithSelector(G.Vault__RecipientNotAllowed.selector, mallory));
    }

    function test_Permit2ApproveCountsAsSpending() public {
        _exec(PERMIT2, 0, abi.encodeCall(MockPermit2.approve, (address(usdc), address(dex), uint160(400e6), uint48(0))));
        assertEq(module.windowSpent(address(usdc)), 400e6, "reserved");
        (uint160 amount,,) = MockPermit2(PERMIT2).allowance(address(safe), address(usdc), address(dex));
        assertEq(amount, 400e6, "permit2 allowance");
        _expectExecRevert(
            PERMIT2,
            0,
            abi.encodeCall(MockPermit2.approve, (address(usdc), mallory, uint160(1), uint48(0))),
            abi.encodeWithSelector(G.Vault__RecipientNotAllowed.selector, mallory)
        );
        _expectExecRevert(
            PERMIT2,
            0,
            abi.encodeCall(MockPermit2.lockdown, ("")),
            abi.encodeWithSelector(G.Vault__SelectorDenied.selector, PERMIT2, MockPermit2.lockdown.selector)
        );
    }

    function test_TransferFromMustBeFromSafe() public {
        _expectExecRevert(
            address(usdc),
            0,
            abi.encodeCall(IERC20.transferFrom, (bob, alice, 1)),
            abi.encodeWithSelector(G.Vault__TransferFromNotSafe.selector, bob)
        );
    }

    function test_NeverAllowedSelectors() public {
        bytes memory all = abi.encodeWithSelector(bytes4(0xa22cb465), address(dex), true);
        _expectExecRevert(address(usdc), 0, all, abi.encodeWithSelector(G.Vault__SelectorDenied.selector, address(usdc), bytes4(0xa22cb465)));
        vm.prank(address(safe));
        vm.expectRevert(abi.encodeWithSelector(G.Vault__ChangeNeedsTimelock.selector, ISextantGuardModule.setTargetFunction.selector));
        module.setTargetFunction(address(dex), bytes4(0xa22cb465), new G.ParamCondition[](0));
        uint256 nonce = module.nextChangeNonce();
        bytes memory change = abi.encodeCall(ISextantGuardModule.setTargetFunction, (address(dex), bytes4(0xa22cb465), new G.ParamCondition[](0)));
        vm.prank(address(safe));
        module.queueChange(change);
        vm.warp(block.timestamp + TIMELOCK);
        vm.expectRevert(); // ChangeFailed(id, InvalidConfig("selector"))
        module.executeChange(nonce, change);
    }

    function test_DirtyAddressWordIsMalformed() public {
        bytes memory dirty = abi.encodeWithSelector(IERC20.transfer.selector, uint256(uint160(alice)) | (1 << 200), uint256(1));
        _expectExecRevert(address(usdc), 0, dirty, abi.encodeWithSelector(G.Vault__MalformedCalldata.selector, address(usdc), IERC20.transfer.selector));
    }

    function test_KeyBudget() public {
        address key = vm.addr(0xB00D);
        G.KeyBudget[] memory b = new G.KeyBudget[](1);
        b[0] = G.KeyBudget(address(usdc), 700e6);
        _loosen(abi.encodeCall(ISextantGuardModule.addSessionKey, (key, _keyConfig(), b)));
        _execAs(key, address(usdc), 0, abi.encodeCall(IERC20.transfer, (alice, 400e6)));
        vm.expectRevert(abi.encodeWithSelector(G.Vault__KeyBudgetExceeded.selector, key, address(usdc), 400e6, 301e6, 700e6));
        _execAs(key, address(usdc), 0, abi.encodeCall(IERC20.transfer, (alice, 301e6)));
        vm.expectRevert(abi.encodeWithSelector(G.Vault__KeyBudgetExceeded.selector, key, address(0), 0, 1, 0));
        _execAs(key, alice, 1, "");
        (uint112 amount, uint112 spent) = module.keyBudget(key, address(usdc));
        assertEq(amount, 700e6, "budget");
        assertEq(spent, 400e6, "spent");
    }
}
