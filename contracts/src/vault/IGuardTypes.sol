// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title IGuardTypes
/// @notice Types, events and errors of ISextantGuardModule.
interface IGuardTypes {
    // ----------------------------------------------------------------------------------------------------------------
    // Types
    // ----------------------------------------------------------------------------------------------------------------

    /// @notice The limits on one token (address(0) = the native coin). Amounts are in the token's base units.
    /// @param perTxCap Most of the token one `execute` may reserve (all calls of a batch together).
    /// @param windowCap Most of the token reserved in any rolling window of `windowSeconds` (exact, no reset).
    /// @param approvalThreshold Above this amount in one `execute`, a Safe owner's co-signature is needed.
    /// @param windowSeconds Length of the rolling window; at least 1 (a rule with 0 does not exist).
    struct TokenRule {
        uint112 perTxCap;
        uint112 windowCap;
        uint112 approvalThreshold;
        uint32 windowSeconds;
    }

    /// @notice How an argument of an allowlisted function is compared with `ParamCondition.value`.
    /// @dev Equal: word == value. LessOrEqual / GreaterOrEqual: uint256(word) <= / >= uint256(value).
    ///      InRecipients: the word is an address (upper 96 bits zero) on the recipient allowlist.
    enum ConditionOp {
        Equal,
        LessOrEqual,
        GreaterOrEqual,
        InRecipients
    }

    /// @notice A condition on the static 32-byte word `paramIndex` of the calldata after the selector
    ///         (word i = data[4 + 32 i : 36 + 32 i]); calldata too short to hold the word fails the condition.
    struct ParamCondition {
        uint8 paramIndex;
        ConditionOp op;
        bytes32 value;
    }

    /// @notice When and how often a session key may act. Times are unix seconds.
    /// @param validAfter The key acts only when block.timestamp >= validAfter.
    /// @param validUntil The key acts only when block.timestamp <= validUntil.
    /// @param maxUses Most successful `execute` calls over the key's life (0 = unlimited; `uses` is only counted
    ///        when maxUses != 0 or the key has a rate limit).
    /// @param rateLimitCalls Most successful `execute` calls in any rolling `rateLimitWindow` (0 = no rate limit);
    ///        at most MAX_RATE_LIMIT_CALLS.
    /// @param rateLimitWindow Length of that window in seconds (>= 1 when rateLimitCalls > 0).
    struct SessionKeyConfig {
        uint40 validAfter;
        uint40 validUntil;
        uint32 maxUses;
        uint16 rateLimitCalls;
        uint32 rateLimitWindow;
    }

    /// @notice A session key's own lifetime budget of one token (default deny: no budget, no spending).
    ///         `amount == type(uint112).max` means unlimited (only the token's rule applies).
    struct KeyBudget {
        address token;
        uint112 amount;
    }

    /// @notice A session key as stored. `active` is false once revoked (one by one or by the kill switch).
    struct SessionKeyState {
        SessionKeyConfig config;
        uint32 uses;
        bool active;
    }

    /// @notice What one `execute` reserves of one token: the amount counted against its caps and budgets.
    struct Reservation {
        address token;
        uint256 amount;
    }

    /// @notice What the human co-signs (EIP-712, domain {name: "SextantGuardModule", version: "1", chainId,
    ///         verifyingContract: this module}): the exact top-level call, bound to one session key, single use
    ///         (`nonce`) and expiring (`expiry`, unix seconds, inclusive).
    struct Intent {
        address safe;
        address module;
        address sessionKey;
        address to;
        uint256 value;
        bytes32 dataHash;
        uint256 nonce;
        uint256 expiry;
    }

    /// @notice One spend in a token's rolling-window ledger.
    struct SpendEntry {
        uint40 timestamp;
        uint216 amount;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Events (past tense)
    // ----------------------------------------------------------------------------------------------------------------

    /// @notice A Safe owner's co-signature with this nonce was consumed.
    event CoSignatureUsed(uint256 indexed nonce, address indexed signer, bytes32 intentHash);

    /// @notice The Safe queued a change (abi-encoded call to one of the module's setters) runnable at `eta`.
    event PolicyChangeQueued(bytes32 indexed id, uint256 indexed changeNonce, bytes change, uint64 eta);
    /// @notice A queued change ran.
    event PolicyChangeExecuted(bytes32 indexed id, address indexed executor);
    /// @notice A queued change was cancelled by a guardian or the Safe.
    event PolicyChangeCancelled(bytes32 indexed id, address indexed by);

    /// @notice A token rule was set (added or changed).
    event TokenRuleSet(address indexed token, TokenRule rule);
    /// @notice A token rule was removed; the token's calls are denied from now on.
    event TokenRuleRemoved(address indexed token);
    /// @notice An address was added to or removed from the recipient (payee and spender) allowlist.
    event RecipientSet(address indexed recipient, bool allowed);
    /// @notice (target, selector) was allowlisted with these conditions.
    event TargetFunctionSet(address indexed target, bytes4 indexed selector, ParamCondition[] conditions);
    /// @notice (target, selector) was removed from the allowlist.
    event TargetFunctionRemoved(address indexed target, bytes4 indexed selector);
    /// @notice A session key was added (or re-added after revocation).
    event SessionKeyAdded(address indexed sessionKey, SessionKeyConfig config);
    /// @notice A session key's budget of a token was set.
    event KeyBudgetSet(address indexed sessionKey, address indexed token, uint112 amount);
    /// @notice A session key was revoked at once.
    event SessionKeyRevoked(address indexed sessionKey, address indexed by);
    /// @notice A guardian was added or removed.
    event GuardianSet(address indexed guardian, bool allowed);
    /// @notice The timelock for loosening changes was set.
    event TimelockSet(uint64 seconds_);
    /// @notice The module was paused: no session key may act.
    event Paused(address indexed by);
    /// @notice The module was unpaused (through the timelock).
    event Unpaused(address indexed by);
    /// @notice The kill switch: every session key revoked, the module paused, every queued change cancelled.
    event Killed(address indexed by, uint256 keyEpoch);
    /// @notice The Safe ended the setup phase; loosening needs the timelock from now on.
    event SetupSealed();

    // ----------------------------------------------------------------------------------------------------------------
    // Errors (EIP-6093 style, `Vault__` prefix)
    // ----------------------------------------------------------------------------------------------------------------

    /// @notice The governance part was called directly instead of through its module.
    error Vault__NotDelegated();
    /// @notice Only the Safe may do this.
    error Vault__NotSafe(address caller);
    /// @notice Only a guardian or the Safe may do this.
    error Vault__NotGuardianOrSafe(address caller);
    /// @notice This change loosens the policy: queue it from the Safe and run it after the timelock.
    error Vault__ChangeNeedsTimelock(bytes4 selector);
    /// @notice The queued change's bytes call no setter of this module.
    error Vault__ChangeNotAllowed(bytes4 selector);
    /// @notice No change is queued under this id (never queued, ran, cancelled, or cancelled by the kill switch).
    error Vault__ChangeNotQueued(bytes32 id);
    /// @notice The change's timelock runs until `eta`.
    error Vault__ChangeNotReady(bytes32 id, uint64 eta);
    /// @notice A queued change reverted when it ran.
    error Vault__ChangeFailed(bytes32 id, bytes reason);
    /// @notice A setter's arguments are invalid; `reason` is a short ASCII text, right-padded with zeros.
    error Vault__InvalidConfig(bytes32 reason);
    /// @notice The setup phase is over (or, for `execute`, not over yet).
    error Vault__SetupPhase(bool isSealed);

    /// @notice The module is paused.
    error Vault__Paused();
    /// @notice A call is already running through the module.
    error Vault__Reentrancy();
    /// @notice The caller is not a session key, or was revoked (one by one or by the kill switch).
    error Vault__InvalidSessionKey(address sessionKey);
    /// @notice The session key is outside [validAfter, validUntil].
    error Vault__SessionKeyOutsideValidity(address sessionKey, uint40 validAfter, uint40 validUntil);
    /// @notice The session key used all of its `maxUses`.
    error Vault__SessionKeyUsesExhausted(address sessionKey, uint32 maxUses);
    /// @notice The session key made `rateLimitCalls` calls within the last `rateLimitWindow` seconds.
    error Vault__RateLimited(address sessionKey, uint16 rateLimitCalls, uint32 rateLimitWindow);

    /// @notice A DELEGATECALL (operation != 0) inside a batch; the module only ever makes CALLs.
    error Vault__DelegateCallDenied(address to);
    /// @notice A call to the Safe itself or to this module.
    error Vault__SelfCallDenied(address to);
    /// @notice Batches nested more than MAX_BATCH_DEPTH deep.
    error Vault__BatchTooDeep();
    /// @notice More than MAX_CALLS leaf calls after unwrapping.
    error Vault__TooManyCalls();
    /// @notice A batch's packed transactions do not parse, or native value was sent to a batch.
    error Vault__MalformedBatch();
    /// @notice Calldata of 1-3 bytes, or too short for the selector's arguments.
    error Vault__MalformedCalldata(address to, bytes4 selector);
    /// @notice (target, selector) is not allowlisted (default deny).
    error Vault__TargetNotAllowed(address to, bytes4 selector);
    /// @notice This selector is never allowed (asset-moving function the policy does not model, an unknown
    ///         function on a token, or any Permit2 function but approve/permit).
    error Vault__SelectorDenied(address to, bytes4 selector);
    /// @notice An argument condition of the allowlisted function failed.
    error Vault__ConditionFailed(address to, bytes4 selector, uint8 paramIndex);
    /// @notice Value would reach (or a spender would be approved) outside the recipient allowlist.
    error Vault__RecipientNotAllowed(address recipient);
    /// @notice The token has no rule (or the native coin has none and value > 0).
    error Vault__TokenNotAllowed(address token);
    /// @notice transferFrom with `from` other than the Safe.
    error Vault__TransferFromNotSafe(address from);
    /// @notice The amounts reserved of `token` in this execute exceed its per-transaction cap.
    error Vault__PerTxCapExceeded(address token, uint256 amount, uint256 cap);
    /// @notice `windowSpent + amount` exceeds the token's window cap.
    error Vault__WindowCapExceeded(address token, uint256 windowSpent, uint256 amount, uint256 cap);
    /// @notice The token's ledger holds MAX_LEDGER_ENTRIES spends inside the window.
    error Vault__WindowLedgerFull(address token);
    /// @notice `spent + amount` exceeds the session key's budget of the token.
    error Vault__KeyBudgetExceeded(address sessionKey, address token, uint256 spent, uint256 amount, uint256 budget);
    /// @notice The amount of `token` exceeds its approval threshold and no co-signature was given.
    error Vault__CoSignatureRequired(address token, uint256 amount, uint256 threshold);
    /// @notice The co-signature is malformed or not from a current Safe owner.
    error Vault__InvalidCoSignature(address recovered);
    /// @notice The co-signature expired at `expiry`.
    error Vault__CoSignatureExpired(uint256 expiry);
    /// @notice The co-signature's nonce was already used (nonce 0 counts as used).
    error Vault__CoSignatureReplayed(uint256 nonce);
    /// @notice A leaf call failed inside the Safe.
    error Vault__CallFailed(uint256 index, address to);
    /// @notice Post-condition: the Safe's net outflow of `token` exceeded what the checks reserved.
    error Vault__OutflowExceeded(address token, uint256 outflow, uint256 reserved);
    /// @notice Post-condition: an allowance granted by the Safe grew by more than what the checks reserved.
    error Vault__AllowanceExceeded(address token, address spender, uint256 increase, uint256 reserved);
}
