// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {GuardViews} from "./GuardViews.sol";
import {Selectors} from "./Selectors.sol";

/// @title GuardGovernance
/// @notice Policy setters and the timelock (POLICY.md, "Governance"): tightening at once by a guardian or the Safe;
///         loosening only as a change the Safe queued, run after the timelock; everything from the Safe during the
///         setup phase.
abstract contract GuardGovernance is GuardViews {
    /// @dev The module that created this governance part; it only acts when the module delegatecalls it.
    address internal immutable _module;

    modifier onlySafe() {
        _onlyDelegated();
        if (msg.sender != _safe) revert Vault__NotSafe(msg.sender);
        _;
    }

    constructor() {
        _module = msg.sender;
    }

    function queueChange(bytes calldata change) external onlySafe returns (bytes32 id) {
        bytes4 sel = change.length >= 4 ? bytes4(change[:4]) : bytes4(0);
        if (!_isSetter(sel)) revert Vault__ChangeNotAllowed(sel);
        uint256 nonce = _nextChangeNonce++;
        id = changeId(nonce, change);
        uint64 eta = uint64(block.timestamp) + _config.timelock;
        _changes[id] = (1 << 255) | (uint256(_config.changeEpoch) << 64) | eta;
        emit PolicyChangeQueued(id, nonce, change, eta);
    }

    function executeChange(uint256 changeNonce, bytes calldata change) external {
        _onlyDelegated();
        if (_locked()) revert Vault__Reentrancy();
        bytes32 id = changeId(changeNonce, change);
        uint256 queued = _changes[id];
        if (queued == 0 || uint32(queued >> 64) != _config.changeEpoch) revert Vault__ChangeNotQueued(id);
        uint64 eta = uint64(queued);
        if (block.timestamp < eta) revert Vault__ChangeNotReady(id, eta);
        delete _changes[id];
        (bool ok, bytes memory reason) = address(this).call(change);
        if (!ok) revert Vault__ChangeFailed(id, reason);
        emit PolicyChangeExecuted(id, msg.sender);
    }

    function cancelChange(bytes32 id) external {
        _authorize(true);
        if (_changes[id] == 0) revert Vault__ChangeNotQueued(id);
        delete _changes[id];
        emit PolicyChangeCancelled(id, msg.sender);
    }

    function seal() external onlySafe {
        if (_config.isSealed) revert Vault__SetupPhase(true);
        _config.isSealed = true;
        emit SetupSealed();
    }

    function setTokenRule(address token, TokenRule calldata rule) external {
        RuleSlot memory old = _rules[token];
        bool exists = old.windowSeconds != 0;
        _authorize(
            exists && rule.perTxCap <= old.perTxCap && rule.windowCap <= _ledgers[token].windowCap
                && rule.approvalThreshold <= old.approvalThreshold && rule.windowSeconds == old.windowSeconds
        );
        if (rule.windowSeconds == 0) revert Vault__InvalidConfig(bytes32("windowSeconds is 0"));
        if (token == _safe || token == address(this) || token == PERMIT2) revert Vault__InvalidConfig(bytes32("token"));
        if (token != address(0) && token.code.length == 0) revert Vault__InvalidConfig(bytes32("token has no code"));
        if (!exists) {
            if (_tokenList.length == MAX_TOKENS) revert Vault__InvalidConfig(bytes32("too many tokens"));
            _tokenList.push(token);
        }
        _rules[token] = RuleSlot(rule.perTxCap, rule.approvalThreshold, rule.windowSeconds);
        Ledger storage l = _ledgers[token];
        l.windowCap = rule.windowCap;
        if (l.tokenId == 0 && _config.lastTokenId != type(uint8).max) l.tokenId = ++_config.lastTokenId;
        emit TokenRuleSet(token, rule);
    }

    function removeTokenRule(address token) external {
        _authorize(true);
        if (_rules[token].windowSeconds == 0) revert Vault__InvalidConfig(bytes32("no rule"));
        uint256 n = _tokenList.length;
        for (uint256 i; i < n; ++i) {
            if (_tokenList[i] == token) {
                _tokenList[i] = _tokenList[n - 1];
                _tokenList.pop();
                break;
            }
        }
        delete _rules[token];
        _ledgers[token].windowCap = 0; // the ledger's history stays: a re-added rule still sees past spends
        emit TokenRuleRemoved(token);
    }

    function setRecipient(address recipient, bool allowed) external {
        _authorize(!allowed);
        if (allowed && (recipient == address(0) || recipient == _safe || recipient == address(this))) {
            revert Vault__InvalidConfig(bytes32("recipient"));
        }
        _recipients[recipient] = allowed;
        emit RecipientSet(recipient, allowed);
    }

    function setTargetFunction(address target, bytes4 selector, ParamCondition[] calldata conditions) external {
        _authorize(false);
        if (target == address(0) || target == _safe || target == address(this) || target == PERMIT2) {
            revert Vault__InvalidConfig(bytes32("target"));
        }
        if (
            selector == Selectors.MULTI_SEND || Selectors.isSpending(selector) || Selectors.isNeverAllowed(selector)
        ) revert Vault__InvalidConfig(bytes32("selector"));
        if (conditions.length > MAX_CONDITIONS) revert Vault__InvalidConfig(bytes32("too many conditions"));
        Target storage t = _targets[target][selector];
        delete t.conditions;
        t.allowed = true;
        for (uint256 i; i < conditions.length; ++i) {
            t.conditions.push(conditions[i]);
        }
        emit TargetFunctionSet(target, selector, conditions);
    }

    function removeTargetFunction(address target, bytes4 selector) external {
        _authorize(true);
        delete _targets[target][selector];
        emit TargetFunctionRemoved(target, selector);
    }

    function addSessionKey(address key, SessionKeyConfig calldata config, KeyBudget[] calldata budgets) external {
        _authorize(false);
        if (key == address(0) || key == _safe || key == address(this)) revert Vault__InvalidConfig(bytes32("key"));
        KeySlot memory k = _keys[key];
        if (_isActive(k)) revert Vault__InvalidConfig(bytes32("key is active"));
        if (config.validUntil < config.validAfter) revert Vault__InvalidConfig(bytes32("validUntil < validAfter"));
        if (config.rateLimitCalls > MAX_RATE_LIMIT_CALLS) revert Vault__InvalidConfig(bytes32("rateLimitCalls"));
        if (config.rateLimitCalls != 0 && config.rateLimitWindow == 0) revert Vault__InvalidConfig(bytes32("rateLimitWindow"));
        if (budgets.length > MAX_TOKENS) revert Vault__InvalidConfig(bytes32("too many budgets"));
        uint32 generation = ++_config.lastGeneration;
        uint16 unlimited;
        for (uint256 i; i < budgets.length; ++i) {
            _budgets[generation][budgets[i].token] = Budget(budgets[i].amount, 0);
            unlimited = _withBudget(unlimited, budgets[i].token, budgets[i].amount);
        }
        _keys[key] = KeySlot(
            config.validAfter,
            config.validUntil,
            config.maxUses,
            0,
            uint8(config.rateLimitCalls),
            config.rateLimitWindow,
            0,
            _config.keyEpoch,
            generation,
            unlimited
        );
        emit SessionKeyAdded(key, config);
        for (uint256 i; i < budgets.length; ++i) {
            emit KeyBudgetSet(key, budgets[i].token, budgets[i].amount);
        }
    }

    function setKeyBudget(address key, address token, uint112 amount) external {
        KeySlot memory k = _keys[key];
        Budget storage b = _budgets[k.generation][token];
        _authorize(amount <= b.amount);
        if (!_isActive(k)) revert Vault__InvalidConfig(bytes32("key not active"));
        if (b.amount == _UNLIMITED) b.spent = 0; // spending was not counted while unlimited
        b.amount = amount;
        _keys[key].unlimitedTokens = _withBudget(k.unlimitedTokens, token, amount);
        emit KeyBudgetSet(key, token, amount);
    }

    /// @dev `unlimited` with the token's bit (if it has one) set when `amount` is unlimited, cleared otherwise.
    function _withBudget(uint16 unlimited, address token, uint112 amount) internal view returns (uint16) {
        uint16 bit = _tokenBit(_ledgers[token].tokenId);
        return amount == _UNLIMITED ? unlimited | bit : unlimited & ~bit;
    }

    function revokeSessionKey(address key) external {
        _authorize(true);
        _keys[key].generation = 0;
        emit SessionKeyRevoked(key, msg.sender);
    }

    function setGuardian(address guardian, bool allowed) external {
        _authorize(false);
        if (guardian == address(0)) revert Vault__InvalidConfig(bytes32("guardian"));
        _guardians[guardian] = allowed;
        emit GuardianSet(guardian, allowed);
    }

    function setTimelock(uint64 seconds_) external {
        _authorize(seconds_ >= _config.timelock);
        if (seconds_ > MAX_TIMELOCK) revert Vault__InvalidConfig(bytes32("timelock above MAX_TIMELOCK"));
        _config.timelock = seconds_;
        emit TimelockSet(seconds_);
    }

    function pause() external {
        _authorize(true);
        _config.paused = true;
        emit Paused(msg.sender);
    }

    function unpause() external {
        _authorize(false);
        _config.paused = false;
        emit Unpaused(msg.sender);
    }

    function kill() external {
        _authorize(true);
        Config storage c = _config;
        c.paused = true;
        ++c.keyEpoch;
        ++c.changeEpoch;
        emit Killed(msg.sender, c.keyEpoch);
        emit Paused(msg.sender);
    }

    /// @dev The module itself (a queued change), the Safe in the setup phase, or a guardian / the Safe tightening.
    function _authorize(bool tightening) internal view {
        _onlyDelegated();
        if (msg.sender == address(this)) return;
        bool isSafe = msg.sender == _safe;
        if (isSafe && !_config.isSealed) return;
        if (!isSafe && !_guardians[msg.sender]) revert Vault__NotGuardianOrSafe(msg.sender);
        if (!tightening) revert Vault__ChangeNeedsTimelock(msg.sig);
    }

    function _isSetter(bytes4 s) internal pure returns (bool) {
        return s == this.setTokenRule.selector || s == this.removeTokenRule.selector
            || s == this.setRecipient.selector || s == this.setTargetFunction.selector
            || s == this.removeTargetFunction.selector || s == this.addSessionKey.selector
            || s == this.setKeyBudget.selector || s == this.revokeSessionKey.selector
            || s == this.setGuardian.selector || s == this.setTimelock.selector || s == this.pause.selector
            || s == this.unpause.selector || s == this.kill.selector;
    }

    function _onlyDelegated() internal view {
        if (address(this) != _module) revert Vault__NotDelegated();
    }
}
