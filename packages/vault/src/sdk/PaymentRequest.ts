import type { Address, Hex } from 'viem'
import type { Provenance } from '../provenance/Provenance.ts'

/**
 * A payment the agent asks for: the call the Safe should make and where each value-moving argument came from.
 *
 * @example
 * const request: PaymentRequest = { to: usdc, value: 0n, data: transferData, provenance: { recipient: 'user', amount: 'user', token: 'user' } }
 */
export type PaymentRequest = { to: Address; value: bigint; data: Hex; provenance?: Provenance }
