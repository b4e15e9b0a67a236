// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

// Compiles the Safe v1.5.0 contracts from npm so forge tests and tools/genArtifacts.ts can use them
// (TypeScript deploys these exact artifacts on the local chain).
import {Safe} from "@safe-global/safe-smart-account/contracts/Safe.sol";
import {SafeL2} from "@safe-global/safe-smart-account/contracts/SafeL2.sol";
import {SafeProxyFactory} from "@safe-global/safe-smart-account/contracts/proxies/SafeProxyFactory.sol";
import {MultiSend} from "@safe-global/safe-smart-account/contracts/libraries/MultiSend.sol";
import {MultiSendCallOnly} from "@safe-global/safe-smart-account/contracts/libraries/MultiSendCallOnly.sol";
import {CompatibilityFallbackHandler} from
    "@safe-global/safe-smart-account/contracts/handler/CompatibilityFallbackHandler.sol";
