import type { Address, Hex } from 'viem'

/** Where an approval request stands. `expired` is reached on its own when `expiresAt` passes while pending. */
export type ApprovalStatus = 'pending' | 'approved' | 'denied' | 'expired' | 'executed'

/**
 * A payment held for a human: the exact call, why it was held, and (once approved) the owner's EIP-712 intent
 * co-signature bound to it.
 *
 * @example
 * const pending = store.list({ status: 'pending' })
 */
export type ApprovalRequest = {
  id: number
  status: ApprovalStatus
  chainId: number
  safe: Address
  module: Address
  sessionKey: Address
  to: Address
  value: bigint
  data: Hex
  /** The pre-flight rule and sentence that held it. */
  rule: string
  reason: string
  explanation: string
  /** Unix seconds. */
  createdAt: number
  expiresAt: number
  decidedAt?: number
  decidedBy?: Address
  /** Set when approved: the intent's nonce, expiry and the owner's 65-byte signature. */
  nonce?: bigint
  expiry?: bigint
  signature?: Hex
  txHash?: Hex
}
