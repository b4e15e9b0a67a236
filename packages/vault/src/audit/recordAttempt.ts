import type { AuditLog } from '@sextant/audit/log/AuditLog'
import type { Address, Hex } from 'viem'
import type { Provenance } from '../provenance/Provenance.ts'

/** What happened to a payment attempt. `reverted` = allowed off-chain but the transaction failed. */
export type AttemptOutcome = 'allowed' | 'needs-approval' | 'denied' | 'reverted'

/** Parameters of {@link recordAttempt}. */
export type RecordAttemptParameters = {
  outcome: AttemptOutcome
  /** The rule that decided (`policy.PerTxCapExceeded`, `provenance.recipient`, `ok`, …). */
  rule: string
  reason: string
  chainId: number
  safe: Address
  module: Address
  sessionKey: Address
  to: Address
  value: bigint
  data: Hex
  /** Main token moved (`0x0…0` native) and amount reserved, when known. */
  asset?: Address
  amount?: bigint
  txHash?: Hex
  provenance?: Provenance
  approvalId?: number
  /** Agent identity for the GenAI fields. */
  agentId?: string
  /** The agent session that asked for the payment (`gen_ai.conversation.id`), so it joins that session's steps. */
  sessionId?: string
  /** The owner whose co-signature released a held payment (public: Safe owners are on-chain anyway). */
  approvedBy?: Address
  /** Also return a signed receipt (a C2SP tlog-proof) for the entry (default true). */
  receipt?: boolean
}

/** Return type of {@link recordAttempt}: the entry's index and its signed receipt. */
export type RecordAttemptReturnType = { index: number; receipt?: string }

/**
 * Writes one payment attempt to the audit log (operation `payment`) with the decision and the rule that made
 * it; the recipient, calldata and provenance go in the sealed private fields. Returns the entry index and a
 * signed decision receipt anyone can verify offline with the log's verifier key.
 *
 * @example
 * const { index, receipt } = await recordAttempt(log, { outcome: 'denied', rule: 'policy.PerTxCapExceeded', reason, chainId, safe, module, sessionKey, to, value: 0n, data })
 */
export async function recordAttempt(
  log: AuditLog,
  parameters: RecordAttemptParameters,
): Promise<RecordAttemptReturnType> {
  const p = parameters
  const decision = p.outcome === 'needs-approval' ? 'approval' : p.outcome === 'denied' ? 'deny' : 'allow'
  const { index } = await log.record({
    'gen_ai.operation.name': 'payment',
    ...(p.agentId ? { 'gen_ai.agent.id': p.agentId } : {}),
    ...(p.sessionId ? { 'gen_ai.conversation.id': p.sessionId } : {}),
    'sextant.payment.decision': decision,
    'sextant.payment.rule': p.rule,
    'sextant.payment.chain_id': p.chainId,
    ...(p.txHash ? { 'sextant.payment.tx_hash': p.txHash } : {}),
    ...(p.amount !== undefined ? { 'sextant.payment.value': p.amount.toString() } : {}),
    ...(p.asset ? { 'sextant.payment.asset': p.asset } : {}),
    'sextant.outcome': p.outcome === 'reverted' ? 'error' : 'ok',
    ...(p.outcome === 'reverted' ? { 'error.type': p.rule } : {}),
    attributes: {
      'sextant.vault.outcome': p.outcome,
      'sextant.vault.safe': p.safe,
      'sextant.vault.module': p.module,
      'sextant.vault.session_key': p.sessionKey,
      ...(p.approvalId !== undefined ? { 'sextant.vault.approval_id': p.approvalId } : {}),
      ...(p.approvedBy ? { 'sextant.vault.approved_by': p.approvedBy } : {}),
    },
    private: {
      'sextant.payment.to': p.to,
      'sextant.vault.reason': p.reason,
      'sextant.vault.call': { to: p.to, value: p.value.toString(), data: p.data },
      ...(p.provenance ? { 'sextant.vault.provenance': p.provenance as never } : {}),
    },
  })
  return p.receipt === false ? { index } : { index, receipt: await log.receipt(index) }
}
