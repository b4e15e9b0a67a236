import type { Address } from 'viem'
import type { ApprovalRequest } from '../approvals/ApprovalRequest.ts'
import type { ApprovalStore } from '../approvals/openApprovalStore.ts'

/**
 * A human refuses a held payment; it can never be approved afterwards.
 *
 * @example
 * deny({ store, id: 3, by: alice.address })
 */
export function deny(parameters: { store: ApprovalStore; id: number; by: Address }): ApprovalRequest {
  return parameters.store.deny(parameters.id, { by: parameters.by })
}
