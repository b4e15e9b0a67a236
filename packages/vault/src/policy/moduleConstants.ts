import type { Address, Hex } from 'viem'

/**
 * Constants of `SextantGuardModule` (contracts/src/vault/POLICY.md): limits, the canonical Permit2 address and
 * the selectors it treats specially.
 *
 * @example
 * moduleConstants.maxCalls // 16
 */
export const moduleConstants = {
  maxTokens: 16,
  maxCalls: 16,
  maxBatchDepth: 4,
  maxConditions: 8,
  maxLedgerEntries: 64,
  maxRateLimitCalls: 64,
  permit2: '0x000000000022D473030F116dDEE9F6B43aC78BA3' as Address,
  multiSend: '0x8d80ff0a' as Hex,
  /** Token-spending selectors (any target): transfer, transferFrom, approve, increaseAllowance, EIP-2612 permit. */
  transfer: '0xa9059cbb' as Hex,
  transferFrom: '0x23b872dd' as Hex,
  approve: '0x095ea7b3' as Hex,
  increaseAllowance: '0x39509351' as Hex,
  permit: '0xd505accf' as Hex,
  permit2Approve: '0x87517c45' as Hex,
  permit2Permit: '0x2b67b570' as Hex,
  /** Never allowed: setApprovalForAll, ERC-721 and ERC-1155 safeTransferFrom / safeBatchTransferFrom. */
  denied: ['0xa22cb465', '0x42842e0e', '0xb88d4fde', '0xf242432a', '0x2eb2c2d6'] as Hex[],
} as const
