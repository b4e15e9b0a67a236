import type { AuditLog } from '@sextant/audit/log/AuditLog'
import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { type Account, type Hash, isAddressEqual } from 'viem'
import type { ApprovalStore } from '../approvals/openApprovalStore.ts'
import { type AttemptOutcome, recordAttempt } from '../audit/recordAttempt.ts'
import { revertName } from '../chain/revertName.ts'
import type { VaultClient } from '../chain/VaultClient.ts'
import { ApprovalError } from '../errors/VaultError.ts'
import type { TokenInfo } from '../policy/TokenInfo.ts'
import type { PreflightDecision } from '../preflight/PreflightDecision.ts'
import { preflight } from '../preflight/preflight.ts'
import type { PaymentRequest } from './PaymentRequest.ts'
import type { Vault } from './Vault.ts'

/** Parameters of {@link execute}. */
export type ExecuteParameters = {
  vault: Pick<Vault, 'chainId' | 'safe' | 'module'>
  /** The agent's session key (a local account; use viem's nonceManager for parallel requests). */
  sessionKey: Account
  request: PaymentRequest
  /** Where held requests go; without it a needs-approval request is only reported. */
  store?: ApprovalStore
  /** Every attempt is recorded here with a signed receipt. */
  log?: AuditLog
  /** Run a request an owner approved (its co-signature is used and spent). */
  approvalId?: number
  tokens?: readonly TokenInfo[]
  /** Simulate before sending (default true). */
  simulate?: boolean
  /** Judge at this block time (tests). */
  now?: number
  agentId?: string
  /** The agent session that asked (recorded as `gen_ai.conversation.id`, so the attempt joins its steps). */
  sessionId?: string
}

/** Return type of {@link execute}. */
export type ExecuteReturnType = {
  status: 'executed' | 'needs-approval' | 'denied' | 'reverted'
  decision: PreflightDecision
  txHash?: Hash
  approvalId?: number
  /** The module error when the transaction reverted. */
  revert?: string
  audit?: { index: number; receipt?: string }
}

/**
 * Runs a payment through the guard: pre-flight (decode, the module's exact checks, provenance gate,
 * simulation); `deny` is refused before anything is sent; `needs-approval` is stored for a human (or, with an
 * approved `approvalId`, sent with the owner's co-signature); `allow` is sent as the session key's `execute`.
 * Every attempt — executed, held, denied, reverted — goes to the audit log with the rule that decided.
 *
 * @example
 * const result = await execute(client, { vault, sessionKey: agent, request: { to: usdc, value: 0n, data, provenance }, store, log })
 * result.status // 'executed' | 'needs-approval' | 'denied' | 'reverted'
 */
export async function execute(
  client: VaultClient,
  parameters: ExecuteParameters,
): Promise<ExecuteReturnType> {
  const { vault, sessionKey, request, store, log } = parameters
  const approval = parameters.approvalId !== undefined ? loadApproval(parameters) : undefined
  const decision = await preflight(client, {
    module: vault.module,
    sessionKey: sessionKey.address,
    to: request.to,
    value: request.value,
    data: request.data,
    ...(request.provenance ? { provenance: request.provenance } : {}),
    ...(parameters.tokens ? { tokens: parameters.tokens } : {}),
    ...(parameters.now !== undefined ? { now: parameters.now } : {}),
    // A held request runs with its co-signature; simulate it through executeWithCoSignature below instead.
    simulate: parameters.simulate !== false && !approval,
  })
  const audit = async (
    outcome: AttemptOutcome,
    rule: string,
    reason: string,
    extra: { txHash?: Hash; approvalId?: number } = {},
  ) =>
    log
      ? recordAttempt(log, {
          outcome,
          rule,
          reason,
          chainId: vault.chainId,
          safe: vault.safe,
          module: vault.module,
          sessionKey: sessionKey.address,
          to: request.to,
          value: request.value,
          data: request.data,
          ...(decision.reservations[0]
            ? { asset: decision.reservations[0].token, amount: decision.reservations[0].amount }
            : {}),
          ...(request.provenance ? { provenance: request.provenance } : {}),
          ...(parameters.agentId ? { agentId: parameters.agentId } : {}),
          ...(parameters.sessionId ? { sessionId: parameters.sessionId } : {}),
          ...(approval?.decidedBy ? { approvedBy: approval.decidedBy } : {}),
          ...extra,
        })
      : undefined
  const done = async (
    result: Omit<ExecuteReturnType, 'decision' | 'audit'>,
    outcome: AttemptOutcome,
    rule: string,
    reason: string,
  ) => {
    const entry = await audit(outcome, rule, reason, {
      ...(result.txHash ? { txHash: result.txHash } : {}),
      ...(result.approvalId !== undefined ? { approvalId: result.approvalId } : {}),
    })
    return { ...result, decision, ...(entry ? { audit: entry } : {}) }
  }

  if (decision.decision === 'deny')
    return done({ status: 'denied' }, 'denied', decision.rule, decision.reason)
  if (decision.decision === 'needs-approval' && !approval) {
    const held = store?.add({
      chainId: vault.chainId,
      safe: vault.safe,
      module: vault.module,
      sessionKey: sessionKey.address,
      to: request.to,
      value: request.value,
      data: request.data,
      rule: decision.rule,
      reason: decision.reason,
      explanation: decision.call.explanation,
    })
    return done(
      { status: 'needs-approval', ...(held ? { approvalId: held.id } : {}) },
      'needs-approval',
      decision.rule,
      decision.reason,
    )
  }

  let txHash: Hash
  try {
    txHash = approval
      ? await client.walletClient.writeContract({
          account: sessionKey,
          address: vault.module,
          abi: iSextantGuardModuleAbi,
          functionName: 'executeWithCoSignature',
          args: [
            request.to,
            request.value,
            request.data,
            approval.nonce!,
            approval.expiry!,
            approval.signature!,
          ],
          gas: 3_000_000n,
        })
      : await client.walletClient.writeContract({
          account: sessionKey,
          address: vault.module,
          abi: iSextantGuardModuleAbi,
          functionName: 'execute',
          args: [request.to, request.value, request.data],
          gas: 3_000_000n,
        })
  } catch (cause) {
    const revert = revertName(cause)
    return done(
      { status: 'reverted', revert, ...(approval ? { approvalId: approval.id } : {}) },
      'reverted',
      `chain.${revert}`,
      `the transaction was refused: ${revert}`,
    )
  }
  const receipt = await client.publicClient.waitForTransactionReceipt({ hash: txHash })
  if (receipt.status !== 'success') {
    const revert = await replayRevert(client, sessionKey, vault.module, receipt.blockNumber, txHash)
    return done(
      { status: 'reverted', txHash, revert, ...(approval ? { approvalId: approval.id } : {}) },
      'reverted',
      `chain.${revert}`,
      `the transaction reverted: ${revert}`,
    )
  }
  if (approval) store?.markExecuted(approval.id, txHash)
  return done(
    { status: 'executed', txHash, ...(approval ? { approvalId: approval.id } : {}) },
    'allowed',
    approval ? 'approved' : decision.rule,
    decision.reason,
  )
}

function loadApproval(parameters: ExecuteParameters) {
  const { store, approvalId, request, vault, sessionKey } = parameters
  if (!store) throw new ApprovalError('an approval id needs the approval store')
  const approval = store.get(approvalId!)
  if (approval.status !== 'approved')
    throw new ApprovalError(`approval request is ${approval.status}`, { details: `id ${approval.id}` })
  const same =
    isAddressEqual(approval.to, request.to) &&
    approval.value === request.value &&
    approval.data.toLowerCase() === request.data.toLowerCase() &&
    isAddressEqual(approval.module, vault.module) &&
    isAddressEqual(approval.sessionKey, sessionKey.address)
  if (!same)
    throw new ApprovalError('approval does not match this request', {
      details: `id ${approval.id} approved a different call, module or session key`,
    })
  return approval
}

async function replayRevert(
  client: VaultClient,
  sessionKey: Account,
  module: `0x${string}`,
  blockNumber: bigint,
  hash: Hash,
): Promise<string> {
  try {
    const tx = await client.publicClient.getTransaction({ hash })
    await client.publicClient.call({
      account: sessionKey.address,
      to: module,
      data: tx.input,
      blockNumber: blockNumber - 1n,
    })
    return 'reverted'
  } catch (cause) {
    return revertName(cause)
  }
}
