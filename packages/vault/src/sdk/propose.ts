import type { AuditLog } from '@sextant/audit/log/AuditLog'
import type { Address } from 'viem'
import type { ApprovalStore } from '../approvals/openApprovalStore.ts'
import { recordAttempt } from '../audit/recordAttempt.ts'
import type { VaultClient } from '../chain/VaultClient.ts'
import type { TokenInfo } from '../policy/TokenInfo.ts'
import type { PreflightDecision } from '../preflight/PreflightDecision.ts'
import { preflight } from '../preflight/preflight.ts'
import type { PaymentRequest } from './PaymentRequest.ts'
import type { Vault } from './Vault.ts'

/** Parameters of {@link propose}. */
export type ProposeParameters = {
  vault: Pick<Vault, 'chainId' | 'safe' | 'module'>
  sessionKey: Address
  request: PaymentRequest
  store?: ApprovalStore
  log?: AuditLog
  tokens?: readonly TokenInfo[]
  simulate?: boolean
}

/**
 * Asks whether a payment would pass, without sending it: the explained pre-flight decision; a request that
 * needs approval is queued for the owners (`approvalId`); the attempt is audited.
 *
 * @example
 * const { decision, approvalId } = await propose(client, { vault, sessionKey, request, store, log })
 */
export async function propose(
  client: Pick<VaultClient, 'publicClient'>,
  parameters: ProposeParameters,
): Promise<{
  decision: PreflightDecision
  approvalId?: number
  audit?: { index: number; receipt?: string }
}> {
  const { vault, sessionKey, request, store, log } = parameters
  const decision = await preflight(client, {
    module: vault.module,
    sessionKey,
    ...request,
    ...(parameters.tokens ? { tokens: parameters.tokens } : {}),
    ...(parameters.simulate === false ? { simulate: false } : {}),
  })
  const held =
    decision.decision === 'needs-approval'
      ? store?.add({
          chainId: vault.chainId,
          safe: vault.safe,
          module: vault.module,
          sessionKey,
          to: request.to,
          value: request.value,
          data: request.data,
          rule: decision.rule,
          reason: decision.reason,
          explanation: decision.call.explanation,
        })
      : undefined
  const audit = log
    ? await recordAttempt(log, {
        outcome:
          decision.decision === 'allow'
            ? 'allowed'
            : decision.decision === 'deny'
              ? 'denied'
              : 'needs-approval',
        rule: decision.rule,
        reason: `proposed: ${decision.reason}`,
        chainId: vault.chainId,
        safe: vault.safe,
        module: vault.module,
        sessionKey,
        to: request.to,
        value: request.value,
        data: request.data,
        ...(request.provenance ? { provenance: request.provenance } : {}),
        ...(held ? { approvalId: held.id } : {}),
      })
    : undefined
  return { decision, ...(held ? { approvalId: held.id } : {}), ...(audit ? { audit } : {}) }
}
