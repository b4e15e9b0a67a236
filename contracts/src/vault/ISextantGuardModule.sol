// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IGuardTypes} from "./IGuardTypes.sol";

/// @title ISextantGuardModule
/// @notice A Safe module through which an AI agent's session keys spend from the Safe under an on-chain policy.
///         Default deny; exact rolling-window caps per token (address(0) = the native coin); allowlisted
///         (target, selector) pairs with argument conditions; ERC-20 approvals, EIP-2612 and Permit2 count as
///         spending; batches unwrapped recursively; a human co-signature above thresholds, bound to the exact
///         intent; a post-condition on the Safe's net outflow. Loosening needs the Safe (owners) plus a timelock;
///         tightening, pausing and the kill switch act at once. The exact semantics are in POLICY.md beside this
///         file; the TypeScript pre-flight reproduces them.
/// @dev The full ABI of a deployed SextantGuardModule: `execute`, `executeWithCoSignature`, `previewExecute`,
///      `safe` and `domainSeparator` run in the module; every other function runs in its governance part
///      (SextantGuardGovernance, created by the module's constructor and reached through the module's fallback with
///      DELEGATECALL, so it acts on the module's storage). Call everything at the module's address.
interface ISextantGuardModule is IGuardTypes {
    // ----------------------------------------------------------------------------------------------------------------
    // Agent
    // ----------------------------------------------------------------------------------------------------------------

    /// @notice Runs a call (or a `multiSend(bytes)` batch, unwrapped) from the Safe as the caller (a session key),
    ///         if the policy allows it without a co-signature.
    /// @return reservations What the call reserved per token (native = address(0)).
    function execute(address to, uint256 value, bytes calldata data)
        external
        returns (Reservation[] memory reservations);

    /// @notice Same as `execute`, with a Safe owner's co-signature over `Intent{safe, module, msg.sender, to, value,
    ///         keccak256(data), nonce, expiry}` (65-byte r,s,v; low s). The nonce is consumed.
    function executeWithCoSignature(
        address to,
        uint256 value,
        bytes calldata data,
        uint256 nonce,
        uint256 expiry,
        bytes calldata signature
    ) external returns (Reservation[] memory reservations);

    /// @notice The checks of `execute` for `sessionKey` at the current block, without running anything: reverts
    ///         with the same error `execute` would raise before execution, or returns the reservations and whether a
    ///         co-signature is needed (post-conditions and call failures are not simulated).
    function previewExecute(address sessionKey, address to, uint256 value, bytes calldata data)
        external
        view
        returns (Reservation[] memory reservations, bool needsCoSignature);

    // ----------------------------------------------------------------------------------------------------------------
    // Governance. Setters: immediate when tightening and called by a guardian or the Safe; anything during the
    // setup phase from the Safe; otherwise only through queueChange + executeChange.
    // ----------------------------------------------------------------------------------------------------------------

    /// @notice Queues `change` (abi-encoded call to a setter of this module). Only the Safe.
    function queueChange(bytes calldata change) external returns (bytes32 id);
    /// @notice Runs a queued change once its timelock has passed. Anyone.
    function executeChange(uint256 changeNonce, bytes calldata change) external;
    /// @notice Cancels a queued change. A guardian or the Safe.
    function cancelChange(bytes32 id) external;
    /// @notice Ends the setup phase; `execute` works from now on. Only the Safe.
    function seal() external;

    function setTokenRule(address token, TokenRule calldata rule) external;
    function removeTokenRule(address token) external;
    function setRecipient(address recipient, bool allowed) external;
    function setTargetFunction(address target, bytes4 selector, ParamCondition[] calldata conditions) external;
    function removeTargetFunction(address target, bytes4 selector) external;
    function addSessionKey(address sessionKey, SessionKeyConfig calldata config, KeyBudget[] calldata budgets)
        external;
    function setKeyBudget(address sessionKey, address token, uint112 amount) external;
    function revokeSessionKey(address sessionKey) external;
    function setGuardian(address guardian, bool allowed) external;
    function setTimelock(uint64 seconds_) external;
    function pause() external;
    function unpause() external;
    /// @notice Kill switch: revokes every session key, pauses, cancels every queued change. A guardian or the Safe.
    function kill() external;

    // ----------------------------------------------------------------------------------------------------------------
    // Views
    // ----------------------------------------------------------------------------------------------------------------

    function safe() external view returns (address);
    /// @notice The governance part (SextantGuardGovernance) the module delegatecalls for everything but execution.
    function governance() external view returns (address);
    function isGuardian(address account) external view returns (bool);
    function timelockSeconds() external view returns (uint64);
    function paused() external view returns (bool);
    function isSealed() external view returns (bool);
    function tokens() external view returns (address[] memory);
    function tokenRule(address token) external view returns (TokenRule memory);
    /// @notice Exact sum of the token's spends with timestamp > block.timestamp - windowSeconds.
    function windowSpent(address token) external view returns (uint256);
    /// @notice The spends still held in the token's ledger (oldest first; may include expired ones).
    function spendLedger(address token) external view returns (SpendEntry[] memory);
    function isRecipient(address account) external view returns (bool);
    function targetFunction(address target, bytes4 selector)
        external
        view
        returns (bool allowed, ParamCondition[] memory conditions);
    function sessionKey(address key) external view returns (SessionKeyState memory);
    function keyBudget(address key, address token) external view returns (uint112 amount, uint112 spent);
    /// @notice Exact number of the key's calls with timestamp > block.timestamp - rateLimitWindow.
    function callsInWindow(address key) external view returns (uint256);
    function isNonceUsed(uint256 nonce) external view returns (bool);
    function domainSeparator() external view returns (bytes32);
    function intentHash(Intent calldata intent) external view returns (bytes32);
    /// @notice id of a queued change: keccak256(abi.encode(changeNonce, change)).
    function changeId(uint256 changeNonce, bytes calldata change) external pure returns (bytes32);
    /// @notice When the queued change may run (0 when none is queued under `id`).
    function changeEta(bytes32 id) external view returns (uint64);
    function nextChangeNonce() external view returns (uint256);
}
