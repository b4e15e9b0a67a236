import { existsSync, readFileSync, writeFileSync } from 'node:fs'
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
import type { PaymentRequest as VaultPaymentRequest } from '@sextant/vault/sdk/PaymentRequest'
import { type Address, formatEther, type Hash, zeroAddress } from 'viem'
import { nonceManager, privateKeyToAccount } from 'viem/accounts'
import { CliError } from '../../../errors/CliError.ts'
import type { StoredVault } from './setupDemoVault.ts'

/** An ETH payment the demo agent asks for, with where its recipient came from. */
export type PaymentRequest = {
  to: Address
  value: bigint
  provenance: 'user' | 'allowlist' | 'tool' | 'untrusted'
  session: string
  agent: string
}

/** What the vault decided (`decision` in the dashboard's words, `rule` the vault SDK's). */
export type PaymentOutcome = {
  decision: Attempt['decision']
  rule: string
  reason: string
  txHash?: Hash
  approvalId?: string
}

/** Return type of {@link createDemoVaultSource}: the vault module's source plus the agent's `pay`. */
export type DemoVaultSource = VaultSource & { pay(request: PaymentRequest): Promise<PaymentOutcome> }

const decisions = {
  executed: 'allow',
  'needs-approval': 'needs-approval',
  denied: 'deny',
  reverted: 'reverted',
} as const

/**
 * The demo world's vault for `sextant up` and the dashboard: the agent pays through the vault SDK's `execute`
 * (pre-flight, then the session key's call on the guard module, which moves the funds out of the Safe; every
 * attempt audited by the SDK); held payments go to `store`, and the dashboard's approve co-signs them with the
 * owner key (`approve`) and runs them with the co-signature. The attempt list is kept in `attemptsPath`.
 *
 * @example
 * const source = createDemoVaultSource({ chain, vault, policy, store, log, attemptsPath: '.sextant/attempts.json' })
 * await source.pay({ to: supplier, value: parseEther('0.1'), provenance: 'allowlist', session: 'run-1', agent: 'treasury' })
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

  const run = async (
    request: VaultPaymentRequest,
    agentId: string,
    approvalId?: number,
  ): Promise<PaymentOutcome> => {
    const r: ExecuteReturnType = await execute(chain, {
      vault,
      sessionKey,
      request,
      store,
      log,
      agentId,
      ...(approvalId !== undefined ? { approvalId } : {}),
    })
    const outcome: PaymentOutcome = {
      decision: decisions[r.status],
      rule: r.status === 'reverted' ? `chain.${r.revert ?? 'reverted'}` : r.decision.rule,
      reason: r.decision.reason,
      ...(r.txHash ? { txHash: r.txHash } : {}),
      ...(r.approvalId !== undefined ? { approvalId: String(r.approvalId) } : {}),
    }
    attempts.push({
      at: Date.now(),
      vault: vault.safe,
      to: request.to,
      value: eth(request.value),
      asset: 'ETH',
      decision: outcome.decision,
      rule: outcome.rule,
      ...(outcome.txHash ? { txHash: outcome.txHash } : {}),
      ...(r.audit ? { auditIndex: r.audit.index } : {}),
    })
    if (attempts.length > 500) attempts.shift()
    writeFileSync(attemptsPath, JSON.stringify(attempts))
    for (const l of listeners) l('attempt', { decision: outcome.decision, rule: outcome.rule })
    return outcome
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
    pay: (p) =>
      run(
        {
          to: p.to,
          value: p.value,
          data: '0x',
          provenance: { recipient: p.provenance, amount: 'user', token: 'user' },
        },
        p.agent,
      ),
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
        const paid = await run({ to: held.to, value: held.value, data: held.data }, 'dashboard', requestId)
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
