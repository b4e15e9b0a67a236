import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createVaultGuard } from '@sextant/agent/guard/createVaultGuard'
import type { GuardDecision, WalletGuard } from '@sextant/agent/guard/WalletGuard'
import type { AuditLog } from '@sextant/audit/log/AuditLog'
import type { ConnectChainReturnType } from '@sextant/chain/clients/connectChain'
import type { Approval, Attempt, VaultSource } from '@sextant/server/vault/VaultSource'
import type { ApprovalRequest } from '@sextant/vault/approvals/ApprovalRequest'
import type { ApprovalStore } from '@sextant/vault/approvals/openApprovalStore'
import { readModuleSnapshot } from '@sextant/vault/chain/readModuleSnapshot'
import { describePolicy } from '@sextant/vault/policy/describePolicy'
import type { Policy } from '@sextant/vault/policy/Policy'
import { approve } from '@sextant/vault/sdk/approve'
import { deny } from '@sextant/vault/sdk/deny'
import { type ExecuteReturnType, execute } from '@sextant/vault/sdk/execute'
import type { PaymentRequest } from '@sextant/vault/sdk/PaymentRequest'
import { formatEther, type Hash, zeroAddress } from 'viem'
import { nonceManager, privateKeyToAccount } from 'viem/accounts'
import { CliError } from '../../../errors/CliError.ts'
import type { StoredVault } from './setupDemoVault.ts'

/** What the vault decided (`decision` in the dashboard's words, `rule` the vault SDK's). */
export type PaymentOutcome = {
  decision: Attempt['decision']
  rule: string
  reason: string
  txHash?: Hash
  approvalId?: string
}

/**
 * Return type of {@link createDemoVaultSource}: the vault module's source plus `guardFor`, the agent runtime's
 * wallet guard for one session (`@sextant/agent`'s vault adapter), whose decisions the dashboard lists.
 */
export type DemoVaultSource = VaultSource & {
  guardFor(session: { agentId: string; sessionId: string }): WalletGuard
}

const decisions = {
  executed: 'allow',
  'needs-approval': 'needs-approval',
  denied: 'deny',
  reverted: 'reverted',
} as const

/**
 * The demo world's vault for `sextant up` and the dashboard: the agent runtime pays through `@sextant/agent`'s
 * vault adapter (`createVaultGuard`: the vault SDK's `execute` with the runtime's derived provenance — pre-flight,
 * then the session key's call on the guard module, which moves the funds out of the Safe; each decision recorded
 * in the agent's session by the runtime); held payments go to `store`, and the dashboard's approve co-signs them with the
 * owner key (`approve`) and runs them with the co-signature. The attempt list is kept in `attemptsPath`.
 *
 * @example
 * const source = createDemoVaultSource({ chain, vault, policy, store, log, attemptsPath: '.sextant/attempts.json' })
 * const guard = source.guardFor({ agentId: 'treasury-agent', sessionId: 'run-1' })
 */
export function createDemoVaultSource({
  chain,
  vault,
  policy,
  store,
  log,
  attemptsPath,
}: {
  chain: ConnectChainReturnType
  vault: StoredVault
  policy: Policy
  store: ApprovalStore
  log: AuditLog
  attemptsPath: string
}): DemoVaultSource {
  const sessionKey = privateKeyToAccount(vault.sessionKeyPrivateKey, { nonceManager })
  const owner = chain.account
  const attempts: Attempt[] = existsSync(attemptsPath)
    ? (JSON.parse(readFileSync(attemptsPath, 'utf8')) as Attempt[])
    : []
  const listeners = new Set<(type: string, data: unknown) => void>()
  const eth = (wei: bigint) => formatEther(wei)

  const remember = (attempt: Attempt, outcome: PaymentOutcome) => {
    attempts.push(attempt)
    if (attempts.length > 500) attempts.shift()
    writeFileSync(attemptsPath, JSON.stringify(attempts))
    for (const l of listeners) l('attempt', { decision: outcome.decision, rule: outcome.rule })
  }
  const run = async (
    request: PaymentRequest,
    origin: { agentId: string; sessionId?: string },
    approvalId?: number,
  ): Promise<PaymentOutcome> => {
    const r: ExecuteReturnType = await execute(chain, {
      vault,
      sessionKey,
      request,
      store,
      log,
      agentId: origin.agentId,
      ...(origin.sessionId ? { sessionId: origin.sessionId } : {}),
      ...(approvalId !== undefined ? { approvalId } : {}),
    })
    const outcome: PaymentOutcome = {
      decision: decisions[r.status],
      rule: r.status === 'reverted' ? `chain.${r.revert ?? 'reverted'}` : r.decision.rule,
      reason: r.decision.reason,
      ...(r.txHash ? { txHash: r.txHash } : {}),
      ...(r.approvalId !== undefined ? { approvalId: String(r.approvalId) } : {}),
    }
    remember(
      {
        at: Date.now(),
        vault: vault.safe,
        to: request.to,
        value: eth(request.value),
        asset: 'ETH',
        decision: outcome.decision,
        rule: outcome.rule,
        agent: origin.agentId,
        ...(origin.sessionId ? { session: origin.sessionId } : {}),
        ...(outcome.approvalId ? { approvalId: outcome.approvalId } : {}),
        ...(outcome.txHash ? { txHash: outcome.txHash } : {}),
        ...(r.audit ? { auditIndex: r.audit.index } : {}),
      },
      outcome,
    )
    return outcome
  }
  const recorded =
    (agent: string, session: string) =>
    (d: GuardDecision): GuardDecision => {
      const outcome = { decision: d.decision, rule: d.rule, reason: d.reason }
      remember(
        {
          at: Date.now(),
          vault: vault.safe,
          to: d.to,
          value: d.asset === 'ETH' ? eth(d.value) : String(d.value),
          asset: d.asset,
          decision: d.decision,
          rule: d.rule,
          agent,
          session,
          ...(d.approvalId ? { approvalId: d.approvalId } : {}),
          ...(d.txHash ? { txHash: d.txHash } : {}),
        },
        outcome,
      )
      return d
    }
  // The agent session whose payment was held as request `id` (from its attempt), else the dashboard itself.
  const origin = (id: string) => {
    const asked = attempts.find((a) => a.approvalId === id && a.decision === 'needs-approval')
    return asked?.session
      ? { agentId: asked.agent ?? 'dashboard', sessionId: asked.session }
      : { agentId: 'dashboard' }
  }
  const view = (a: ApprovalRequest): Approval => ({
    id: String(a.id),
    vault: a.safe,
    to: a.to,
    value: eth(a.value),
    asset: 'ETH',
    reason: a.reason,
    createdAt: a.createdAt * 1000,
    expiresAt: a.expiresAt * 1000,
    status: a.status === 'executed' ? 'approved' : a.status,
    ...(a.txHash ? { txHash: a.txHash } : {}),
  })

  return {
    guardFor({ agentId, sessionId }) {
      // No `log` here: the runtime records each decision in the agent's session (a `payment` event).
      const inner = createVaultGuard({ client: chain, vault, sessionKey, store, agentId })
      const record = recorded(agentId, sessionId)
      return {
        address: inner.address,
        chainId: inner.chainId,
        balances: (tokens) => inner.balances(tokens),
        transfer: (p) => inner.transfer(p).then(record),
        approve: (p) => inner.approve(p).then(record),
        swap: (p) => inner.swap(p).then(record),
      }
    },
    async vaults() {
      const snapshot = await readModuleSnapshot(chain, {
        module: vault.module,
        sessionKey: sessionKey.address,
        to: vault.safe,
        value: 0n,
        data: '0x',
      })
      const rule = snapshot.rules[zeroAddress]
      return [
        {
          address: vault.safe,
          name: 'treasury agent vault (Safe + SextantGuardModule)',
          policy: describePolicy(policy),
          windows: rule
            ? [
                {
                  asset: 'ETH',
                  cap: eth(rule.windowCap),
                  windowSeconds: rule.windowSeconds,
                  used: eth(rule.windowSpent),
                  points: attempts
                    .filter((a) => a.decision === 'allow')
                    .slice(-200)
                    .map((a) => ({ at: a.at, amount: a.value })),
                },
              ]
            : [],
        },
      ]
    },
    async approvals() {
      return store
        .list()
        .map(view)
        .sort(
          (a, b) =>
            Number(b.status === 'pending') - Number(a.status === 'pending') || b.createdAt - a.createdAt,
        )
    },
    async attempts() {
      return [...attempts].reverse()
    },
    async decide(id, decision) {
      const requestId = Number(id)
      try {
        if (decision === 'deny') return view(deny({ store, id: requestId, by: owner.address }))
        const held = await approve(chain, { store, id: requestId, owner })
        const paid = await run({ to: held.to, value: held.value, data: held.data }, origin(id), requestId)
        if (paid.decision !== 'allow')
          throw new CliError(`co-signed, but the vault refused it: ${paid.rule}`, { details: paid.reason })
        return view(store.get(requestId))
      } catch (cause) {
        if (cause instanceof CliError) throw cause
        throw new CliError(`cannot ${decision} request ${id}`, { details: (cause as Error).message, cause })
      }
    },
    watch(onChange) {
      listeners.add(onChange)
      return () => listeners.delete(onChange)
    },
  }
}
