// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {GuardStorage} from "./GuardStorage.sol";

/// @title GuardViews
/// @notice Read-only views of SextantGuardModule served by its governance part (see ISextantGuardModule).
abstract contract GuardViews is GuardStorage {
    function isGuardian(address account) external view returns (bool) {
        return _guardians[account];
    }

    function timelockSeconds() external view returns (uint64) {
        return _config.timelock;
    }

    function paused() external view returns (bool) {
        return _config.paused;
    }

    function isSealed() external view returns (bool) {
        return _config.isSealed;
    }

    function tokens() external view returns (address[] memory) {
        return _tokenList;
    }

    function tokenRule(address token) external view returns (TokenRule memory) {
        RuleSlot memory r = _rules[token];
        if (r.windowSeconds == 0) return TokenRule(0, 0, 0, 0);
        return TokenRule(r.perTxCap, _ledgers[token].windowCap, r.approvalThreshold, r.windowSeconds);
    }

    function windowSpent(address token) external view returns (uint256 spent) {
        (spent,) = _exactWindow(token, _ledgers[token], _rules[token].windowSeconds);
    }

    function spendLedger(address token) external view returns (SpendEntry[] memory entries) {
        Ledger memory l = _ledgers[token];
        unchecked {
            entries = new SpendEntry[](uint8(l.head - l.tail));
            for (uint8 i = l.tail; i != l.head; ++i) {
                uint256 e = _entries[token][i % MAX_LEDGER_ENTRIES];
                entries[uint8(i - l.tail)] = SpendEntry(uint40(e >> 216), uint216(e));
            }
        }
    }

    function isRecipient(address account) external view returns (bool) {
        return _recipients[account];
    }

    function targetFunction(address target, bytes4 selector)
        external
        view
        returns (bool allowed, ParamCondition[] memory conditions)
    {
        Target storage t = _targets[target][selector];
        return (t.allowed, t.conditions);
    }

    function sessionKey(address key) external view returns (SessionKeyState memory) {
        KeySlot memory k = _keys[key];
        return SessionKeyState(
            SessionKeyConfig(k.validAfter, k.validUntil, k.maxUses, k.rateLimitCalls, k.rateLimitWindow),
            k.uses,
            _isActive(k)
        );
    }

    function keyBudget(address key, address token) external view returns (uint112 amount, uint112 spent) {
        KeySlot memory k = _keys[key];
        if (!_isActive(k)) return (0, 0);
        Budget memory b = _budgets[k.generation][token];
        return (b.amount, b.spent);
    }

    function callsInWindow(address key) external view returns (uint256 count) {
        KeySlot memory k = _keys[key];
        if (!_isActive(k)) return 0;
        for (uint256 i; i < k.rateLimitCalls; ++i) {
            uint256 ts = _rateTimestamp(k.generation, i);
            if (ts != 0 && ts + k.rateLimitWindow > block.timestamp) ++count;
        }
    }

    function isNonceUsed(uint256 nonce) external view returns (bool) {
        return nonce == 0 || _usedNonces[nonce];
    }

    function intentHash(Intent calldata intent) external view returns (bytes32) {
        return _intentDigest(
            intent.sessionKey, intent.to, intent.value, intent.dataHash, intent.nonce, intent.expiry, intent.safe,
            intent.module
        );
    }

    function changeId(uint256 changeNonce, bytes calldata change) public pure returns (bytes32) {
        return keccak256(abi.encode(changeNonce, change));
    }

    function changeEta(bytes32 id) public view returns (uint64) {
        uint256 c = _changes[id];
        if (c == 0 || uint32(c >> 64) != _config.changeEpoch) return 0;
        return uint64(c);
    }

    function nextChangeNonce() external view returns (uint256) {
        return _nextChangeNonce;
    }
}
