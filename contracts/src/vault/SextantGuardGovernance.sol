// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {GuardGovernance} from "./GuardGovernance.sol";
import {GuardStorage} from "./GuardStorage.sol";

/// @title SextantGuardGovernance
/// @notice The governance and view part of one SextantGuardModule: created by the module's constructor, reached
///         only through the module's fallback (DELEGATECALL, on the module's storage), so the module's runtime code
///         stays under the EIP-170 size limit. Called directly, it refuses to act (`Vault__NotDelegated`).
contract SextantGuardGovernance is GuardGovernance {
    /// @param safe_ The module's Safe (an immutable, so it reads the same under DELEGATECALL).
    constructor(address safe_) GuardStorage(safe_) {}
}
