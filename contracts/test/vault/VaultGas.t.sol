// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Enum} from "@safe-global/safe-smart-account/contracts/libraries/Enum.sol";
import {IGuardTypes as G} from "../../src/vault/IGuardTypes.sol";
import {ISextantGuardModule} from "../../src/vault/ISextantGuardModule.sol";
import {SextantGuardModule} from "../../src/vault/SextantGuardModule.sol";
import {VaultFixture} from "./VaultFixture.sol";

/// @notice Gas of a guarded transfer (session key -> module -> Safe) against the same Safe's owner-executed
///         `execTransaction` (one owner ECDSA signature, threshold 1), warm: every slot already written once (steady
///         state), then every contract's storage and account made cold (`vm.cool`) as in a fresh transaction.
///         `tx` = 21000 + calldata (4 / 16 gas per zero / other byte) + execution. Printed with
///         `forge test --match-contract VaultGasTest -vv`.
contract VaultGasTest is VaultFixture {
    address internal fullKey = vm.addr(0xF011);

    function setUp() public override {
        super.setUp();
        G.SessionKeyConfig memory c =
            G.SessionKeyConfig(uint40(block.timestamp), uint40(block.timestamp + 365 days), 1_000_000, 64, uint32(WINDOW));
        G.KeyBudget[] memory b = new G.KeyBudget[](2);
        b[0] = G.KeyBudget(address(0), 1_000 ether);
        b[1] = G.KeyBudget(address(usdc), 1_000_000e6);
        _loosen(abi.encodeCall(ISextantGuardModule.addSessionKey, (fullKey, c, b)));
        usdc.mint(alice, 1); // the recipient already holds tokens in both cases
        usdc.watch(address(0)); // a plain ERC-20 transfer: no invariant-suite bookkeeping in the token
        // steady state: each ledger slot written once, budgets and rate ring non-zero
        for (uint256 i; i < 66; ++i) {
            vm.warp(block.timestamp + 1 hours);
            _execAs(agent, address(usdc), 0, abi.encodeCall(IERC20.transfer, (alice, 1e6)));
            _execAs(agent, alice, 1 gwei, "");
            _execAs(fullKey, address(usdc), 0, abi.encodeCall(IERC20.transfer, (alice, 1e6)));
            _execAs(fullKey, alice, 1 gwei, "");
            _ownerExec(address(usdc), 0, abi.encodeCall(IERC20.transfer, (alice, 1e6)));
            _ownerExec(alice, 1 gwei, "");
        }
        vm.warp(block.timestamp + 1 hours);
    }

    function test_GasErc20Transfer() public {
        bytes memory data = abi.encodeCall(IERC20.transfer, (alice, 100e6));
        uint256 owner = _measureOwner(address(usdc), 0, data, "ERC-20 owner execTransaction");
        uint256 guarded = _measureGuarded(agent, address(usdc), 0, data, "ERC-20 guarded (unlimited key budget)");
        uint256 full = _measureGuarded(fullKey, address(usdc), 0, data, "ERC-20 guarded (budget + rate limit + uses)");
        emit log_named_uint("ERC-20 overhead (unlimited key budget)", guarded - owner);
        emit log_named_uint("ERC-20 overhead (budget + rate limit + uses)", full - owner);
        assertLe(guarded, owner + 20_000, "ERC-20 guarded overhead within the 20,000 gas target");
        // the full key's extra slots (budget, rate ring, uses); a regression bound (figures in docs/benchmarks/vault.md)
        assertLe(full, owner + 36_000, "ERC-20 full-key overhead regression");
        assertEq(usdc.balanceOf(alice), 66 * 3e6 + 1 + 300e6, "all three paid");
    }

    function test_GasNativeTransfer() public {
        uint256 owner = _measureOwner(alice, 0.01 ether, "", "native owner execTransaction");
        uint256 guarded = _measureGuarded(agent, alice, 0.01 ether, "", "native guarded (unlimited key budget)");
        uint256 full = _measureGuarded(fullKey, alice, 0.01 ether, "", "native guarded (budget + rate limit + uses)");
        emit log_named_uint("native overhead (unlimited key budget)", guarded - owner);
        emit log_named_uint("native overhead (budget + rate limit + uses)", full - owner);
        assertLe(guarded, owner + 20_000, "native guarded overhead within the 20,000 gas target");
        assertLe(full, owner + 36_000, "native full-key overhead regression");
    }

    function _coolAll() internal {
        vm.cool(address(module));
        vm.cool(SextantGuardModule(address(module)).governance());
        vm.cool(address(safe));
        vm.cool(address(singleton));
        vm.cool(address(usdc));
        vm.cool(alice);
    }

    function _measureOwner(address to, uint256 value, bytes memory data, string memory label)
        internal
        returns (uint256 total)
    {
        bytes32 h = safe.getTransactionHash(
            to, value, data, _call(), 0, 0, 0, address(0), address(0), safe.nonce()
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(OWNER1_PK, h);
        bytes memory sig = abi.encodePacked(r, s, v);
        _coolAll();
        safe.execTransaction(to, value, data, _call(), 0, 0, 0, address(0), payable(address(0)), sig);
        uint256 exec = vm.lastCallGas().gasTotalUsed;
        bytes memory cd = abi.encodeWithSignature(
            "execTransaction(address,uint256,bytes,uint8,uint256,uint256,uint256,address,address,bytes)",
            to, value, data, uint8(0), 0, 0, 0, address(0), address(0), sig
        );
        total = 21_000 + _calldataGas(cd) + exec;
        emit log_named_uint(string.concat(label, ": tx"), total);
    }

    function _measureGuarded(address key, address to, uint256 value, bytes memory data, string memory label)
        internal
        returns (uint256 total)
    {
        _coolAll();
        vm.prank(key);
        module.execute(to, value, data);
        uint256 exec = vm.lastCallGas().gasTotalUsed;
        total = 21_000 + _calldataGas(abi.encodeCall(ISextantGuardModule.execute, (to, value, data))) + exec;
        emit log_named_uint(string.concat(label, ": tx"), total);
    }

    function _call() internal pure returns (Enum.Operation) {
        return Enum.Operation.Call;
    }

    function _calldataGas(bytes memory data) internal pure returns (uint256 gas) {
        for (uint256 i; i < data.length; ++i) {
            gas += data[i] == 0 ? 4 : 16;
        }
    }
}
