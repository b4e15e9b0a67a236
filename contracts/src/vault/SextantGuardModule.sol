// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {GuardPolicy} from "./GuardPolicy.sol";
import {GuardStorage, ISafeForModule} from "./GuardStorage.sol";
import {SextantGuardGovernance} from "./SextantGuardGovernance.sol";

/// @title SextantGuardModule
/// @notice A Safe module through which an AI agent's session keys spend from one Safe under an on-chain policy;
///         see ISextantGuardModule and POLICY.md for the exact semantics. The module only ever asks the Safe for
///         CALLs (`execTransactionFromModule(..., Operation.Call)`), never DELEGATECALL.
/// @dev Deploy one per Safe, enable it on the Safe, configure it from the Safe during the setup phase, `seal()`.
///      Governance and views live in SextantGuardGovernance (created here, reached through `fallback` by
///      DELEGATECALL on this storage); call them at this address with the ISextantGuardModule ABI.
contract SextantGuardModule is GuardPolicy {
    /// @notice The governance part (fixed at construction).
    address public immutable governance;

    /// @param safe_ The Safe (its owners are the humans).
    /// @param guardians_ Addresses that may tighten, pause and kill at once.
    /// @param timelockSeconds_ Delay between queuing and running a loosening change (at most MAX_TIMELOCK).
    constructor(address safe_, address[] memory guardians_, uint64 timelockSeconds_) GuardStorage(safe_) {
        if (safe_ == address(0)) revert Vault__InvalidConfig(bytes32("safe"));
        governance = address(new SextantGuardGovernance(safe_));
        if (timelockSeconds_ > MAX_TIMELOCK) revert Vault__InvalidConfig(bytes32("timelock above MAX_TIMELOCK"));
        _config.timelock = timelockSeconds_;
        emit TimelockSet(timelockSeconds_);
        for (uint256 i; i < guardians_.length; ++i) {
            if (guardians_[i] == address(0)) revert Vault__InvalidConfig(bytes32("guardian"));
            _guardians[guardians_[i]] = true;
            emit GuardianSet(guardians_[i], true);
        }
    }

    /// @notice Everything else (governance, views) runs in the governance part on this module's storage.
    fallback() external {
        address target = governance;
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), target, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            if iszero(ok) { revert(0, returndatasize()) }
            return(0, returndatasize())
        }
    }

    function safe() external view returns (address) {
        return _safe;
    }

    function domainSeparator() external view returns (bytes32) {
        return _domainSeparator();
    }

    function execute(address to, uint256 value, bytes calldata data)
        external
        returns (Reservation[] memory reservations)
    {
        return _run(to, value, data, 0, 0, msg.data[0:0], false);
    }

    function executeWithCoSignature(
        address to,
        uint256 value,
        bytes calldata data,
        uint256 nonce,
        uint256 expiry,
        bytes calldata signature
    ) external returns (Reservation[] memory reservations) {
        return _run(to, value, data, nonce, expiry, signature, true);
    }

    function previewExecute(address key, address to, uint256 value, bytes calldata data)
        external
        view
        returns (Reservation[] memory reservations, bool needsCoSignature)
    {
        KeySlot memory k = _checkKey(key, _config);
        Plan memory p = _plan(key, k, to, value, data, false);
        return (_reservations(p), p.needsCoSignature);
    }

    function _run(
        address to,
        uint256 value,
        bytes calldata data,
        uint256 nonce,
        uint256 expiry,
        bytes calldata signature,
        bool withCoSignature
    ) private returns (Reservation[] memory) {
        if (_locked()) revert Vault__Reentrancy();
        _setLock(true);
        KeySlot memory k = _checkKey(msg.sender, _config);
        Plan memory p = _plan(msg.sender, k, to, value, data, !withCoSignature);
        if (withCoSignature) _useCoSignature(to, value, data, nonce, expiry, signature);
        _record(k, p);
        uint256[] memory balances = _balances(p);
        uint256[] memory allowances = new uint256[](p.pairCount);
        for (uint256 i; i < p.pairCount; ++i) {
            allowances[i] = _allowance(p, i);
        }
        for (uint256 i; i < p.leafCount; ++i) {
            (address leafTo, uint256 start, uint256 end) = _leaf(p, i);
            bool ok = ISafeForModule(_safe).execTransactionFromModule(leafTo, p.value[i], msg.data[start:end], 0);
            if (!ok) revert Vault__CallFailed(i, leafTo);
        }
        _checkOutflows(p, balances);
        for (uint256 i; i < p.pairCount; ++i) {
            uint256 afterwards = _allowance(p, i);
            Pair memory q = p.pairs[i];
            if (afterwards > allowances[i] && afterwards - allowances[i] > q.amount) {
                revert Vault__AllowanceExceeded(q.token, q.spender, afterwards - allowances[i], q.amount);
            }
        }
        _setLock(false);
        return _reservations(p);
    }

    /// @dev Step 8: expiry, single use, signed by a current Safe owner over the exact intent.
    function _useCoSignature(
        address to,
        uint256 value,
        bytes calldata data,
        uint256 nonce,
        uint256 expiry,
        bytes calldata signature
    ) private {
        if (block.timestamp > expiry) revert Vault__CoSignatureExpired(expiry);
        if (nonce == 0 || _usedNonces[nonce]) revert Vault__CoSignatureReplayed(nonce);
        bytes32 digest = _intentDigest(msg.sender, to, value, keccak256(data), nonce, expiry, _safe, address(this));
        address signer = _recover(digest, signature);
        if (signer == address(0) || !ISafeForModule(_safe).isOwner(signer)) revert Vault__InvalidCoSignature(signer);
        _usedNonces[nonce] = true;
        emit CoSignatureUsed(nonce, signer, digest);
    }

    /// @dev Step 9: key uses and rate history, per token the ledger and the key's budget.
    function _record(KeySlot memory k, Plan memory p) private {
        if (k.rateLimitCalls != 0) {
            uint256 slot = k.rateIdx / 6;
            uint256 shift = (k.rateIdx % 6) * 40;
            uint256 word = _rateRing[k.generation][slot];
            word = (word & ~(uint256(type(uint40).max) << shift)) | (block.timestamp << shift);
            _rateRing[k.generation][slot] = word;
            k.rateIdx = uint8((k.rateIdx + 1) % k.rateLimitCalls);
        }
        if (k.maxUses != 0 || k.rateLimitCalls != 0) {
            ++k.uses;
            _keys[msg.sender] = k;
        }
        for (uint256 i; i < p.tokenCount; ++i) {
            uint256 amount = p.amounts[i];
            if (amount == 0) continue;
            address token = p.tokens[i];
            _recordSpend(token, amount);
            if (p.limitedBudgets & (1 << i) != 0) _budgets[k.generation][token].spent += uint112(amount);
        }
    }

    /// @dev Appends (now, amount); drops expired entries first only when the running total or the ring needs it.
    function _recordSpend(address token, uint256 amount) private {
        Ledger memory l = _ledgers[token];
        unchecked {
            if (l.total + amount > l.windowCap || uint8(l.head - l.tail) == MAX_LEDGER_ENTRIES) {
                uint32 w = _rules[token].windowSeconds;
                while (l.tail != l.head) {
                    uint256 e = _entries[token][l.tail % MAX_LEDGER_ENTRIES];
                    if ((e >> 216) + w > block.timestamp) break;
                    l.total -= uint112(e);
                    ++l.tail;
                }
            }
            _entries[token][l.head % MAX_LEDGER_ENTRIES] = (block.timestamp << 216) | amount;
            ++l.head;
        }
        l.total += uint112(amount);
        _ledgers[token] = l;
    }

    /// @dev Step 10: native first, then the reserved tokens in order.
    function _balances(Plan memory p) private view returns (uint256[] memory b) {
        b = new uint256[](p.tokenCount + 1);
        b[0] = _safe.balance;
        for (uint256 i; i < p.tokenCount; ++i) {
            if (p.tokens[i] != address(0)) b[i + 1] = _balanceOf(p.tokens[i]);
        }
    }

    /// @dev `token.balanceOf(safe)`; 0 when the call fails or returns less than a word (as `_staticUint`).
    function _balanceOf(address token) private view returns (uint256 v) {
        address account = _safe;
        assembly ("memory-safe") {
            mstore(0x00, 0x70a08231)
            mstore(0x20, account)
            let ok := staticcall(gas(), token, 0x1c, 0x24, 0x00, 0x20)
            v := mul(mload(0x00), and(ok, gt(returndatasize(), 0x1f)))
        }
    }

    /// @dev Step 12: net outflow per token within its reservation.
    function _checkOutflows(Plan memory p, uint256[] memory before) private view {
        uint256[] memory afterwards = _balances(p);
        uint256 nativeReserved;
        for (uint256 i; i < p.tokenCount; ++i) {
            if (p.tokens[i] == address(0)) nativeReserved = p.amounts[i];
        }
        if (before[0] > afterwards[0] && before[0] - afterwards[0] > nativeReserved) {
            revert Vault__OutflowExceeded(address(0), before[0] - afterwards[0], nativeReserved);
        }
        for (uint256 i; i < p.tokenCount; ++i) {
            if (p.tokens[i] == address(0)) continue;
            if (before[i + 1] > afterwards[i + 1] && before[i + 1] - afterwards[i + 1] > p.amounts[i]) {
                revert Vault__OutflowExceeded(p.tokens[i], before[i + 1] - afterwards[i + 1], p.amounts[i]);
            }
        }
    }

    function _allowance(Plan memory p, uint256 i) private view returns (uint256) {
        Pair memory q = p.pairs[i];
        if (q.permit2) return _staticUint(PERMIT2, abi.encodeWithSelector(0x927da105, _safe, q.token, q.spender));
        return _staticUint(q.token, abi.encodeWithSelector(0xdd62ed3e, _safe, q.spender));
    }

    /// @dev First return word of a static call; 0 when it fails or returns less than a word.
    function _staticUint(address target, bytes memory call) private view returns (uint256 v) {
        (bool ok, bytes memory ret) = target.staticcall(call);
        if (ok && ret.length >= 32) v = abi.decode(ret, (uint256));
    }

    function _reservations(Plan memory p) private pure returns (Reservation[] memory r) {
        r = new Reservation[](p.tokenCount);
        for (uint256 i; i < p.tokenCount; ++i) {
            r[i] = Reservation(p.tokens[i], p.amounts[i]);
        }
    }

    /// @dev 65-byte r ‖ s ‖ v, v in {27, 28}, s in the lower half; address(0) when malformed.
    function _recover(bytes32 digest, bytes calldata sig) private pure returns (address) {
        if (sig.length != 65) return address(0);
        bytes32 r = bytes32(sig[0:32]);
        bytes32 s = bytes32(sig[32:64]);
        uint8 v = uint8(sig[64]);
        if (uint256(s) > 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0) return address(0);
        if (v != 27 && v != 28) return address(0);
        return ecrecover(digest, v, r, s);
    }

    function _setLock(bool on) private {
        bytes32 slot = _LOCK_SLOT;
        assembly {
            tstore(slot, on)
        }
    }
}
