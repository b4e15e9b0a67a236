// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Safe} from "@safe-global/safe-smart-account/contracts/Safe.sol";
import {SafeProxyFactory} from "@safe-global/safe-smart-account/contracts/proxies/SafeProxyFactory.sol";
import {Enum} from "@safe-global/safe-smart-account/contracts/libraries/Enum.sol";
import {IGuardTypes} from "../../src/vault/IGuardTypes.sol";
import {ISextantGuardModule} from "../../src/vault/ISextantGuardModule.sol";
import {SextantGuardModule} from "../../src/vault/SextantGuardModule.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Test} from "../utils/Test.sol";
import {MockPermit2, PullTarget, VaultToken} from "./VaultMocks.sol";

/// @notice A real Safe v1.5.0 (singleton + proxy from npm sources) with two owners, threshold 1, the guard module
///         enabled and configured during its setup phase, then sealed: native and one ERC-20 with caps, two
///         allowlisted recipients, one session key with budgets.
abstract contract VaultFixture is Test {
    uint256 internal constant OWNER1_PK = 0xA11CE;
    uint256 internal constant OWNER2_PK = 0xB0B;
    uint256 internal constant AGENT_PK = 0xA6E27;
    uint256 internal constant TIMELOCK = 1 days;
    uint256 internal constant WINDOW = 1 days;
    address internal constant PERMIT2 = 0x000000000022D473030F116dDEE9F6B43aC78BA3;
    uint112 internal constant UNLIMITED = type(uint112).max;

    address internal owner1 = vm.addr(OWNER1_PK);
    address internal owner2 = vm.addr(OWNER2_PK);
    address internal agent = vm.addr(AGENT_PK);
    address internal guardian = address(0x6A4D);
    address internal alice = address(0xA11CE0);
    address internal bob = address(0xB0B0);
    address internal mallory = address(0xBAD);

    Safe internal singleton;
    SafeProxyFactory internal factory;
    Safe internal safe;
    ISextantGuardModule internal module;
    VaultToken internal usdc;
    PullTarget internal dex;

    function setUp() public virtual {
        vm.warp(1_750_000_000);
        singleton = new Safe();
        factory = new SafeProxyFactory();
        address[] memory owners = new address[](2);
        owners[0] = owner1;
        owners[1] = owner2;
        bytes memory init =
            abi.encodeCall(Safe.setup, (owners, 1, address(0), "", address(0), address(0), 0, payable(address(0))));
        safe = Safe(payable(address(factory.createProxyWithNonce(address(singleton), init, 1))));
        address[] memory guardians = new address[](1);
        guardians[0] = guardian;
        module = ISextantGuardModule(address(new SextantGuardModule(address(safe), guardians, uint64(TIMELOCK))));
        usdc = new VaultToken("USDC");
        usdc.watch(address(safe));
        dex = new PullTarget();
        vm.etch(PERMIT2, address(new MockPermit2()).code);
        usdc.mint(address(safe), 1_000_000e6);
        vm.deal(address(safe), 100 ether);

        vm.startPrank(address(safe));
        safe.enableModule(address(module));
        module.setTokenRule(address(0), IGuardTypes.TokenRule(1 ether, 3 ether, 0.5 ether, uint32(WINDOW)));
        module.setTokenRule(address(usdc), IGuardTypes.TokenRule(1_000e6, 3_000e6, 500e6, uint32(WINDOW)));
        module.setRecipient(alice, true);
        module.setRecipient(address(dex), true);
        module.addSessionKey(agent, _keyConfig(), _budgets(UNLIMITED, UNLIMITED));
        module.seal();
        vm.stopPrank();
    }

    function _keyConfig() internal view returns (IGuardTypes.SessionKeyConfig memory) {
        return IGuardTypes.SessionKeyConfig(uint40(block.timestamp), uint40(block.timestamp + 30 days), 0, 0, 0);
    }

    function _budgets(uint112 native, uint112 token) internal view returns (IGuardTypes.KeyBudget[] memory b) {
        b = new IGuardTypes.KeyBudget[](2);
        b[0] = IGuardTypes.KeyBudget(address(0), native);
        b[1] = IGuardTypes.KeyBudget(address(usdc), token);
    }

    // ---- agent helpers ----

    function _exec(address to, uint256 value, bytes memory data) internal returns (IGuardTypes.Reservation[] memory) {
        vm.prank(agent);
        return module.execute(to, value, data);
    }

    function _execAs(address key, address to, uint256 value, bytes memory data) internal {
        vm.prank(key);
        module.execute(to, value, data);
    }

    function _pay(address to, uint256 amount) internal {
        _exec(address(usdc), 0, abi.encodeCall(IERC20.transfer, (to, amount)));
    }

    function _expectExecRevert(address to, uint256 value, bytes memory data, bytes memory err) internal {
        vm.expectRevert(err);
        vm.prank(agent);
        module.execute(to, value, data);
    }

    // ---- batches ----

    function _tx(address to, uint256 value, bytes memory data) internal pure returns (bytes memory) {
        return abi.encodePacked(uint8(0), to, value, data.length, data);
    }

    function _txOp(uint8 op, address to, uint256 value, bytes memory data) internal pure returns (bytes memory) {
        return abi.encodePacked(op, to, value, data.length, data);
    }

    function _multiSend(bytes memory packed) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(bytes4(0x8d80ff0a), packed);
    }

    // ---- governance helpers ----

    /// @dev Queues `change` from the Safe, waits the timelock, runs it.
    function _loosen(bytes memory change) internal {
        uint256 nonce = module.nextChangeNonce();
        vm.prank(address(safe));
        module.queueChange(change);
        vm.warp(block.timestamp + TIMELOCK);
        module.executeChange(nonce, change);
    }

    // ---- co-signature ----

    function _coSign(uint256 pk, address key, address to, uint256 value, bytes memory data, uint256 nonce, uint256 expiry)
        internal
        view
        returns (bytes memory)
    {
        bytes32 digest = module.intentHash(
            IGuardTypes.Intent(address(safe), address(module), key, to, value, keccak256(data), nonce, expiry)
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(pk, digest);
        return abi.encodePacked(r, s, v);
    }

    // ---- owner-executed Safe transaction (baseline) ----

    function _ownerExec(address to, uint256 value, bytes memory data) internal returns (bool) {
        bytes32 h = safe.getTransactionHash(
            to, value, data, Enum.Operation.Call, 0, 0, 0, address(0), address(0), safe.nonce()
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(OWNER1_PK, h);
        return safe.execTransaction(
            to, value, data, Enum.Operation.Call, 0, 0, 0, address(0), payable(address(0)), abi.encodePacked(r, s, v)
        );
    }
}
