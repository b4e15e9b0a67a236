// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {GuardStorage} from "./GuardStorage.sol";
import {Selectors} from "./Selectors.sol";

/// @title GuardPolicy
/// @notice The read-only checks of an execute (POLICY.md steps 2–7): the session key, batch unwrapping, every
///         leaf call, and the per-token caps, budgets and thresholds. Shared by `execute` and `previewExecute`.
abstract contract GuardPolicy is GuardStorage {
    /// @dev An approved (token, spender) pair and what this execute's approvals of it reserve together.
    struct Pair {
        address token;
        address spender;
        uint256 amount;
        bool permit2;
    }

    /// @dev Leaves, reservations and approved pairs of one execute. Small on purpose (it is zeroed on creation):
    ///      a leaf is `to | dataStart << 160 | dataLength << 208` (absolute calldata offset and length of its data)
    ///      and its value; `pairs` is allocated at the first approval.
    struct Plan {
        uint256 leafCount;
        uint256[MAX_CALLS] leaves;
        uint256[MAX_CALLS] value;
        uint256 tokenCount;
        address[MAX_CALLS] tokens;
        uint256[MAX_CALLS] amounts;
        uint256 pairCount;
        Pair[] pairs;
        bool needsCoSignature;
        /// @dev Bit i set: the key's budget of tokens[i] is limited (its `spent` is counted in step 9).
        uint256 limitedBudgets;
    }

    /// @dev Steps 2–4: setup phase, pause, and the session key (validity, uses, rate limit).
    function _checkKey(address key, Config memory c) internal view returns (KeySlot memory k) {
        if (!c.isSealed) revert Vault__SetupPhase(false);
        if (c.paused) revert Vault__Paused();
        k = _keys[key];
        if (k.generation == 0 || k.epoch != c.keyEpoch) revert Vault__InvalidSessionKey(key);
        if (block.timestamp < k.validAfter || block.timestamp > k.validUntil) {
            revert Vault__SessionKeyOutsideValidity(key, k.validAfter, k.validUntil);
        }
        if (k.maxUses != 0 && k.uses >= k.maxUses) revert Vault__SessionKeyUsesExhausted(key, k.maxUses);
        if (k.rateLimitCalls != 0) {
            uint256 oldest = _rateTimestamp(k.generation, k.rateIdx);
            if (oldest != 0 && oldest + k.rateLimitWindow > block.timestamp) {
                revert Vault__RateLimited(key, k.rateLimitCalls, k.rateLimitWindow);
            }
        }
    }

    /// @dev Steps 5–7. With `requireNoCoSignature`, an amount above a threshold reverts CoSignatureRequired.
    function _plan(
        address key,
        KeySlot memory k,
        address to,
        uint256 value,
        bytes calldata data,
        bool requireNoCoSignature
    ) internal view returns (Plan memory p) {
        _unwrap(p, to, value, data, 0);
        for (uint256 i; i < p.tokenCount; ++i) {
            if (p.amounts[i] == 0) continue;
            (bool needsCoSignature, bool limited) = _checkToken(key, k, p.tokens[i], p.amounts[i]);
            if (limited) p.limitedBudgets |= 1 << i;
            if (needsCoSignature) {
                if (requireNoCoSignature) {
                    revert Vault__CoSignatureRequired(
                        p.tokens[i], p.amounts[i], _rules[p.tokens[i]].approvalThreshold
                    );
                }
                p.needsCoSignature = true;
            }
        }
    }

    /// @dev Per-tx cap, exact window cap, ledger room, key budget (its slot skipped when the key's cache says
    ///      unlimited); returns whether the amount needs a co-signature and whether the key's budget is limited.
    function _checkToken(address key, KeySlot memory k, address token, uint256 amount)
        internal
        view
        returns (bool needsCoSignature, bool limited)
    {
        RuleSlot memory r = _rules[token];
        if (amount > r.perTxCap) revert Vault__PerTxCapExceeded(token, amount, r.perTxCap);
        Ledger memory l = _ledgers[token];
        uint256 spent = l.total;
        uint256 live;
        unchecked {
            live = uint8(l.head - l.tail);
        }
        if (spent + amount > l.windowCap || live == MAX_LEDGER_ENTRIES) {
            (spent, live) = _exactWindow(token, l, r.windowSeconds);
        }
        if (spent + amount > l.windowCap) revert Vault__WindowCapExceeded(token, spent, amount, l.windowCap);
        if (live == MAX_LEDGER_ENTRIES) revert Vault__WindowLedgerFull(token);
        if (k.unlimitedTokens & _tokenBit(l.tokenId) == 0) {
            Budget memory b = _budgets[k.generation][token];
            if (b.amount == 0 || (b.amount != _UNLIMITED && b.spent + amount > b.amount)) {
                revert Vault__KeyBudgetExceeded(key, token, b.spent, amount, b.amount);
            }
            limited = b.amount != _UNLIMITED;
        }
        needsCoSignature = amount > r.approvalThreshold;
    }

    /// @dev Depth-first: a multiSend(bytes) call is a batch (its target is never called), anything else a leaf.
    function _unwrap(Plan memory p, address to, uint256 value, bytes calldata data, uint256 depth) internal view {
        if (data.length >= 4 && _selector(data) == Selectors.MULTI_SEND) {
            if (to == _safe || to == address(this)) revert Vault__SelfCallDenied(to);
            if (value != 0) revert Vault__MalformedBatch();
            if (depth == MAX_BATCH_DEPTH) revert Vault__BatchTooDeep();
            if (data.length < 68 || _load(data, 4) != 32) revert Vault__MalformedBatch();
            uint256 len = _load(data, 36);
            if (len > data.length - 68) revert Vault__MalformedBatch();
            bytes calldata txs = data[68:68 + len];
            uint256 i;
            while (i < txs.length) {
                if (txs.length - i < 85) revert Vault__MalformedBatch();
                address innerTo = address(uint160(_load(txs, i + 1) >> 96));
                uint256 innerLen = _load(txs, i + 53);
                if (innerLen > txs.length - i - 85) revert Vault__MalformedBatch();
                if (_load(txs, i) >> 248 != 0) revert Vault__DelegateCallDenied(innerTo);
                _unwrap(p, innerTo, _load(txs, i + 21), txs[i + 85:i + 85 + innerLen], depth + 1);
                i += 85 + innerLen;
            }
            return;
        }
        if (p.leafCount == MAX_CALLS) revert Vault__TooManyCalls();
        _checkLeaf(p, to, value, data);
        uint256 n = p.leafCount++;
        p.value[n] = value;
        uint256 start;
        assembly {
            start := data.offset
        }
        p.leaves[n] = uint256(uint160(to)) | start << 160 | data.length << 208;
    }

    /// @dev Leaf i: its target and the calldata range of its data.
    function _leaf(Plan memory p, uint256 i) internal pure returns (address to, uint256 start, uint256 end) {
        uint256 l = p.leaves[i];
        to = address(uint160(l));
        start = uint48(l >> 160);
        end = start + (l >> 208);
    }

    /// @dev POLICY.md "Leaf calls", steps 1–9.
    function _checkLeaf(Plan memory p, address to, uint256 value, bytes calldata data) internal view {
        if (to == _safe || to == address(this)) revert Vault__SelfCallDenied(to);
        if (value != 0) {
            if (_rules[address(0)].windowSeconds == 0) revert Vault__TokenNotAllowed(address(0));
            _reserve(p, address(0), value);
            _requireRecipient(to);
        }
        if (data.length == 0) return _requireRecipient(to);
        if (data.length < 4) revert Vault__MalformedCalldata(to, bytes4(0));
        bytes4 sel = _selector(data);
        if (Selectors.isNeverAllowed(sel)) revert Vault__SelectorDenied(to, sel);
        if (to == PERMIT2) return _checkPermit2(p, sel, data);
        if (Selectors.isSpending(sel)) return _checkTokenCall(p, to, sel, data);
        Target storage t = _targets[to][sel];
        if (!t.allowed) {
            if (_rules[to].windowSeconds != 0) revert Vault__SelectorDenied(to, sel);
            revert Vault__TargetNotAllowed(to, sel);
        }
        uint256 n = t.conditions.length;
        for (uint256 i; i < n; ++i) {
            ParamCondition memory c = t.conditions[i];
            if (!_holds(c, data)) revert Vault__ConditionFailed(to, sel, c.paramIndex);
        }
    }

    function _holds(ParamCondition memory c, bytes calldata data) internal view returns (bool) {
        uint256 at = 4 + 32 * uint256(c.paramIndex);
        if (data.length < at + 32) return false;
        uint256 w = _load(data, at);
        if (c.op == ConditionOp.Equal) return w == uint256(c.value);
        if (c.op == ConditionOp.LessOrEqual) return w <= uint256(c.value);
        if (c.op == ConditionOp.GreaterOrEqual) return w >= uint256(c.value);
        return w <= type(uint160).max && _recipients[address(uint160(w))];
    }

    /// @dev ERC-20 transfer / transferFrom / approve / increaseAllowance / EIP-2612 permit on `token`.
    function _checkTokenCall(Plan memory p, address token, bytes4 sel, bytes calldata data) internal view {
        if (_rules[token].windowSeconds == 0) revert Vault__TokenNotAllowed(token);
        if (sel == Selectors.TRANSFER) {
            address to = _addr(token, sel, data, 0);
            uint256 amount = _word(token, sel, data, 1);
            _requireRecipient(to);
            _reserve(p, token, amount);
        } else if (sel == Selectors.TRANSFER_FROM) {
            address from = _addr(token, sel, data, 0);
            address to = _addr(token, sel, data, 1);
            uint256 amount = _word(token, sel, data, 2);
            if (from != _safe) revert Vault__TransferFromNotSafe(from);
            _requireRecipient(to);
            _reserve(p, token, amount);
        } else if (sel == Selectors.PERMIT) {
            address owner = _addr(token, sel, data, 0);
            address spender = _addr(token, sel, data, 1);
            uint256 amount = _word(token, sel, data, 2);
            _requireRecipient(spender);
            _reserve(p, token, amount);
            if (owner == _safe) _pair(p, token, spender, amount, false);
        } else {
            // approve, increaseAllowance
            address spender = _addr(token, sel, data, 0);
            uint256 amount = _word(token, sel, data, 1);
            _requireRecipient(spender);
            _reserve(p, token, amount);
            _pair(p, token, spender, amount, false);
        }
    }

    /// @dev Permit2: approve and single permit count as spending of their token; everything else is denied.
    function _checkPermit2(Plan memory p, bytes4 sel, bytes calldata data) internal view {
        address owner = _safe;
        address token;
        address spender;
        uint256 amount;
        if (sel == Selectors.PERMIT2_APPROVE) {
            token = _addr(PERMIT2, sel, data, 0);
            spender = _addr(PERMIT2, sel, data, 1);
            amount = _addr160(PERMIT2, sel, data, 2);
        } else if (sel == Selectors.PERMIT2_PERMIT) {
            owner = _addr(PERMIT2, sel, data, 0);
            token = _addr(PERMIT2, sel, data, 1);
            amount = _addr160(PERMIT2, sel, data, 2);
            spender = _addr(PERMIT2, sel, data, 5);
        } else {
            revert Vault__SelectorDenied(PERMIT2, sel);
        }
        if (_rules[token].windowSeconds == 0) revert Vault__TokenNotAllowed(token);
        _requireRecipient(spender);
        _reserve(p, token, amount);
        if (owner == _safe) _pair(p, token, spender, amount, true);
    }

    function _requireRecipient(address account) internal view {
        if (!_recipients[account]) revert Vault__RecipientNotAllowed(account);
    }

    /// @dev Adds `amount` (saturating) to the token's reservation; every caller checked first that the token has
    ///      a rule.
    function _reserve(Plan memory p, address token, uint256 amount) internal pure {
        uint256 n = p.tokenCount;
        for (uint256 i; i < n; ++i) {
            if (p.tokens[i] == token) {
                unchecked {
                    uint256 sum = p.amounts[i] + amount;
                    p.amounts[i] = sum < amount ? type(uint256).max : sum;
                }
                return;
            }
        }
        p.tokens[n] = token;
        p.amounts[n] = amount;
        p.tokenCount = n + 1;
    }

    function _pair(Plan memory p, address token, address spender, uint256 amount, bool permit2) internal pure {
        uint256 n = p.pairCount;
        if (n == 0) p.pairs = new Pair[](MAX_CALLS);
        for (uint256 i; i < n; ++i) {
            Pair memory q = p.pairs[i];
            if (q.token == token && q.spender == spender && q.permit2 == permit2) {
                unchecked {
                    uint256 sum = q.amount + amount;
                    q.amount = sum < amount ? type(uint256).max : sum;
                }
                return;
            }
        }
        p.pairs[n] = Pair(token, spender, amount, permit2);
        p.pairCount = n + 1;
    }

    function _word(address to, bytes4 sel, bytes calldata data, uint256 i) internal pure returns (uint256) {
        uint256 at = 4 + 32 * i;
        if (data.length < at + 32) revert Vault__MalformedCalldata(to, sel);
        return _load(data, at);
    }

    /// @dev The 32 bytes at data[at:at + 32]; the caller checked that data holds them.
    function _load(bytes calldata data, uint256 at) internal pure returns (uint256 w) {
        assembly ("memory-safe") {
            w := calldataload(add(data.offset, at))
        }
    }

    /// @dev data[:4]; the caller checked that data holds 4 bytes.
    function _selector(bytes calldata data) internal pure returns (bytes4) {
        return bytes4(bytes32(_load(data, 0)));
    }

    function _addr(address to, bytes4 sel, bytes calldata data, uint256 i) internal pure returns (address) {
        return address(uint160(_addr160(to, sel, data, i)));
    }

    function _addr160(address to, bytes4 sel, bytes calldata data, uint256 i) internal pure returns (uint256 w) {
        w = _word(to, sel, data, i);
        if (w > type(uint160).max) revert Vault__MalformedCalldata(to, sel);
    }
}
