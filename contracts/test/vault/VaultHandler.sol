// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IGuardTypes as G} from "../../src/vault/IGuardTypes.sol";
import {ISextantGuardModule} from "../../src/vault/ISextantGuardModule.sol";
import {Vm} from "../utils/Vm.sol";
import {MockPermit2, PullTarget, VaultToken} from "./VaultMocks.sol";

/// @notice What forge's invariant runner calls at random against a guarded Safe: the agent's payments in every
///         shape (native, transfer, approve, increaseAllowance, Permit2, batches, nested batches, delegatecall and
///         self-call attempts, co-signed payments), time passing, an approved spender draining its allowance, a
///         guardian tightening, strangers / the agent / a guardian trying to loosen, and the owners' legitimate
///         timelocked loosening. Ghost state: every measured outflow of the Safe (balance and allowance deltas,
///         independent of the module's own accounting) with its time, and the permission model the owners set.
contract VaultHandler {
    Vm private constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    address private constant PERMIT2 = 0x000000000022D473030F116dDEE9F6B43aC78BA3;
    uint256 private constant OWNER_PK = 0xA11CE;

    ISextantGuardModule public immutable module;
    address public immutable safe;
    VaultToken public immutable usdc;
    PullTarget public immutable dex;
    address public immutable agent;
    address public immutable guardian;
    address[4] public actors; // alice, dex, bob, mallory
    uint256 public immutable timelock;

    struct Spend {
        uint64 timestamp;
        uint192 amount;
    }

    /// @dev token (0 = native) => measured outflows + allowance grants made through the module, in time order.
    mapping(address => Spend[]) internal _spends;
    mapping(address => uint256) internal _firstLive;
    /// @dev the owners' permission model: what they allowed through queue + timelock.
    mapping(address => bool) public modelRecipient;
    /// @dev every address the owners ever allowed (value may reach it, also after it was removed, through an
    ///      allowance granted while it was allowed).
    mapping(address => bool) public everAllowed;
    /// @dev the first token receiver / spender of the Safe that was never allowed (0 = none).
    address public leakedTo;
    uint256 private _receiverCursor;
    bool public unauthorizedChange;
    uint256 public approvedTotal;
    uint256 public drainedTotal;
    uint256 public calls;
    uint256 public successes;
    uint256 private _nonce = 1;

    constructor(
        ISextantGuardModule module_,
        address safe_,
        VaultToken usdc_,
        PullTarget dex_,
        address agent_,
        address guardian_,
        address[4] memory actors_,
        uint256 timelock_
    ) {
        module = module_;
        safe = safe_;
        usdc = usdc_;
        dex = dex_;
        agent = agent_;
        guardian = guardian_;
        actors = actors_;
        timelock = timelock_;
        modelRecipient[actors_[0]] = true;
        modelRecipient[actors_[1]] = true;
        everAllowed[actors_[0]] = true;
        everAllowed[actors_[1]] = true;
    }

    // ------------------------------------------------------------------ agent actions

    function pay(uint256 actorSeed, uint256 amount, uint256 kind) external {
        address to = actors[actorSeed % 4];
        amount = amount % 1_300e6;
        kind = kind % 6;
        bytes memory data;
        address target = address(usdc);
        uint256 value;
        if (kind == 0) {
            target = to;
            value = amount * 1e9; // native in the same range (0 .. 1.3 ether)
        } else if (kind == 1) {
            data = abi.encodeCall(IERC20.transfer, (to, amount));
        } else if (kind == 2) {
            data = abi.encodeCall(IERC20.approve, (to, amount));
        } else if (kind == 3) {
            data = abi.encodeCall(VaultToken.increaseAllowance, (to, amount));
        } else if (kind == 4) {
            target = PERMIT2;
            data = abi.encodeCall(MockPermit2.approve, (address(usdc), to, uint160(amount), uint48(0)));
        } else {
            data = abi.encodeCall(IERC20.transferFrom, (safe, to, amount));
        }
        _execute(target, value, data, amount % 3 == 0);
    }

    function payBatch(uint256 seedA, uint256 seedB, uint256 amount, bool nested) external {
        amount = amount % 700e6;
        bytes memory a = _tx(0, address(usdc), 0, abi.encodeCall(IERC20.transfer, (actors[seedA % 4], amount)));
        bytes memory b = _tx(0, actors[seedB % 4], amount * 1e9, "");
        bytes memory c = _tx(0, address(usdc), 0, abi.encodeCall(IERC20.approve, (actors[seedB % 4], amount / 2)));
        bytes memory inner = abi.encodeWithSelector(bytes4(0x8d80ff0a), abi.encodePacked(b, c));
        bytes memory batch = nested
            ? abi.encodePacked(a, _tx(0, address(0xDEAD), 0, inner))
            : abi.encodePacked(a, b, c);
        _execute(address(0xDEAD), 0, abi.encodeWithSelector(bytes4(0x8d80ff0a), batch), seedA % 2 == 0);
    }

    /// @dev Escapes that must always fail: delegatecall in a batch, calls to the Safe or the module.
    function escape(uint256 which) external {
        which = which % 4;
        bytes memory loosen = abi.encodeCall(ISextantGuardModule.setRecipient, (actors[3], true));
        bytes memory data;
        address target;
        if (which == 0) {
            data = abi.encodeWithSelector(bytes4(0x8d80ff0a), _tx(1, address(usdc), 0, abi.encodeCall(IERC20.transfer, (actors[3], 1))));
            target = address(0xDEAD);
        } else if (which == 1) {
            (target, data) = (address(module), loosen);
        } else if (which == 2) {
            (target, data) = (safe, abi.encodeWithSignature("enableModule(address)", actors[3]));
        } else {
            data = abi.encodeWithSelector(bytes4(0x8d80ff0a), _tx(0, address(module), 0, loosen));
            target = address(0xDEAD);
        }
        vm.prank(agent);
        try module.execute(target, 0, data) {
            unauthorizedChange = true;
        } catch {}
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + (secs % 12 hours) + 1);
    }

    /// @dev An approved spender pulls from the Safe on its own (outside any execute).
    function drain(uint256 spenderSeed, uint256 amount) external {
        address spender = actors[spenderSeed % 4];
        uint256 allowed = usdc.allowance(safe, spender);
        amount = allowed == 0 ? 0 : amount % (allowed + 1);
        if (amount == 0) return;
        vm.prank(spender);
        usdc.transferFrom(safe, spender, amount);
        drainedTotal += amount;
        _scan();
    }

    // ------------------------------------------------------------------ governance actions

    function guardianTightens(uint256 which) external {
        vm.startPrank(guardian);
        if (which % 3 == 0) {
            module.setTokenRule(address(usdc), G.TokenRule(800e6, 2_500e6, 400e6, 1 days));
        } else if (which % 3 == 1) {
            module.setRecipient(actors[1], false);
            modelRecipient[actors[1]] = false;
        } else {
            module.setTokenRule(address(0), G.TokenRule(0.8 ether, 2.5 ether, 0.4 ether, 1 days));
        }
        vm.stopPrank();
    }

    /// @dev Anyone but the owners' timelocked path trying to loosen: must never succeed.
    function attackerLoosens(uint256 callerSeed, uint256 which) external {
        address caller = [actors[3], agent, guardian, safe][callerSeed % 4];
        bytes memory change = _loosening(which);
        vm.prank(caller);
        (bool ok,) = address(module).call(change);
        if (ok) unauthorizedChange = true;
        // queueing is the Safe's alone; running a change early must fail too
        if (caller != safe) {
            vm.prank(caller);
            try module.queueChange(change) {
                unauthorizedChange = true;
            } catch {}
        }
    }

    /// @dev The owners' legitimate path: queue from the Safe, wait the timelock, run.
    function ownersLoosen(uint256 which) external {
        bytes memory change = which % 2 == 0
            ? abi.encodeCall(ISextantGuardModule.setRecipient, (actors[2], true))
            : abi.encodeCall(ISextantGuardModule.setRecipient, (actors[1], true));
        uint256 nonce = module.nextChangeNonce();
        vm.prank(safe);
        module.queueChange(change);
        vm.warp(block.timestamp + timelock);
        module.executeChange(nonce, change);
        modelRecipient[which % 2 == 0 ? actors[2] : actors[1]] = true;
        everAllowed[which % 2 == 0 ? actors[2] : actors[1]] = true;
    }

    // ------------------------------------------------------------------ views for the invariants

    /// @dev Sum of the measured outflows + grants of `token` with timestamp > now - 1 day.
    function windowOutflow(address token) external view returns (uint256 sum) {
        Spend[] storage s = _spends[token];
        for (uint256 i = _firstLive[token]; i < s.length; ++i) {
            if (s[i].timestamp + 1 days > block.timestamp) sum += s[i].amount;
        }
    }

    function spendCount(address token) external view returns (uint256) {
        return _spends[token].length;
    }

    // ------------------------------------------------------------------ internals

    function _execute(address target, uint256 value, bytes memory data, bool coSign) private {
        ++calls;
        uint256 nativeBefore = safe.balance;
        uint256 usdcBefore = usdc.balanceOf(safe);
        uint256[4] memory allowBefore = _allowances();
        bool ok;
        if (coSign) {
            uint256 nonce = _nonce++;
            bytes32 digest = module.intentHash(
                G.Intent(safe, address(module), agent, target, value, keccak256(data), nonce, block.timestamp + 1 hours)
            );
            (uint8 v, bytes32 r, bytes32 s) = vm.sign(OWNER_PK, digest);
            vm.prank(agent);
            try module.executeWithCoSignature(target, value, data, nonce, block.timestamp + 1 hours, abi.encodePacked(r, s, v)) {
                ok = true;
            } catch {}
        } else {
            vm.prank(agent);
            try module.execute(target, value, data) {
                ok = true;
            } catch {}
        }
        _scan();
        if (!ok) return;
        ++successes;
        uint256 grants;
        uint256[4] memory allowAfter = _allowances();
        for (uint256 i; i < 4; ++i) {
            if (allowAfter[i] > allowBefore[i]) grants += allowAfter[i] - allowBefore[i];
        }
        approvedTotal += grants;
        uint256 usdcAfter = usdc.balanceOf(safe);
        _record(address(0), nativeBefore > safe.balance ? nativeBefore - safe.balance : 0);
        _record(address(usdc), (usdcBefore > usdcAfter ? usdcBefore - usdcAfter : 0) + grants);
    }

    function _scan() private {
        uint256 n = usdc.receiverCount();
        for (uint256 i = _receiverCursor; i < n; ++i) {
            address r = usdc.receiverAt(i);
            if (!everAllowed[r] && leakedTo == address(0)) leakedTo = r;
        }
        _receiverCursor = n;
    }

    function _allowances() private view returns (uint256[4] memory a) {
        for (uint256 i; i < 4; ++i) {
            (uint160 p2,,) = MockPermit2(PERMIT2).allowance(safe, address(usdc), actors[i]);
            a[i] = usdc.allowance(safe, actors[i]) + p2;
        }
    }

    function _record(address token, uint256 amount) private {
        if (amount == 0) return;
        Spend[] storage s = _spends[token];
        s.push(Spend(uint64(block.timestamp), uint192(amount)));
        uint256 i = _firstLive[token];
        while (i < s.length && s[i].timestamp + 1 days <= block.timestamp) ++i;
        _firstLive[token] = i;
    }

    function _loosening(uint256 which) private view returns (bytes memory) {
        which = which % 5;
        if (which == 0) return abi.encodeCall(ISextantGuardModule.setRecipient, (actors[3], true));
        if (which == 1) {
            return abi.encodeCall(ISextantGuardModule.setTokenRule, (address(usdc), G.TokenRule(1e30, 1e30, 1e30, 1 days)));
        }
        if (which == 2) {
            G.KeyBudget[] memory b = new G.KeyBudget[](0);
            return abi.encodeCall(ISextantGuardModule.addSessionKey, (actors[3], G.SessionKeyConfig(0, type(uint40).max, 0, 0, 0), b));
        }
        if (which == 3) return abi.encodeCall(ISextantGuardModule.setGuardian, (actors[3], true));
        return abi.encodeCall(ISextantGuardModule.setKeyBudget, (agent, address(usdc), type(uint112).max));
    }

    function _tx(uint8 op, address to, uint256 value, bytes memory data) private pure returns (bytes memory) {
        return abi.encodePacked(op, to, value, data.length, data);
    }
}
