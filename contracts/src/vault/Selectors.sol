// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Selectors
/// @notice The function selectors the guard classifies (POLICY.md, "Leaf calls").
library Selectors {
    /// @dev multiSend(bytes) of Safe's MultiSend / MultiSendCallOnly.
    bytes4 internal constant MULTI_SEND = 0x8d80ff0a;

    /// @dev ERC-20 (and ERC-721, same selectors) spending.
    bytes4 internal constant TRANSFER = 0xa9059cbb;
    bytes4 internal constant TRANSFER_FROM = 0x23b872dd;
    bytes4 internal constant APPROVE = 0x095ea7b3;
    bytes4 internal constant INCREASE_ALLOWANCE = 0x39509351;
    /// @dev EIP-2612 permit(address,address,uint256,uint256,uint8,bytes32,bytes32).
    bytes4 internal constant PERMIT = 0xd505accf;

    /// @dev Permit2 approve(address,address,uint160,uint48) and permit(address,((address,uint160,uint48,uint48),address,uint256),bytes).
    bytes4 internal constant PERMIT2_APPROVE = 0x87517c45;
    bytes4 internal constant PERMIT2_PERMIT = 0x2b67b570;

    /// @dev Never allowed: setApprovalForAll, ERC-721 safeTransferFrom (x2), ERC-1155 safeTransferFrom / batch.
    bytes4 internal constant SET_APPROVAL_FOR_ALL = 0xa22cb465;
    bytes4 internal constant SAFE_TRANSFER_FROM = 0x42842e0e;
    bytes4 internal constant SAFE_TRANSFER_FROM_DATA = 0xb88d4fde;
    bytes4 internal constant ERC1155_SAFE_TRANSFER_FROM = 0xf242432a;
    bytes4 internal constant ERC1155_SAFE_BATCH_TRANSFER_FROM = 0x2eb2c2d6;

    function isSpending(bytes4 s) internal pure returns (bool) {
        return s == TRANSFER || s == TRANSFER_FROM || s == APPROVE || s == INCREASE_ALLOWANCE || s == PERMIT;
    }

    function isNeverAllowed(bytes4 s) internal pure returns (bool) {
        return s == SET_APPROVAL_FOR_ALL || s == SAFE_TRANSFER_FROM || s == SAFE_TRANSFER_FROM_DATA
            || s == ERC1155_SAFE_TRANSFER_FROM || s == ERC1155_SAFE_BATCH_TRANSFER_FROM;
    }
}
