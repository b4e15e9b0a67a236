import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { AuditLog } from '@sextant/audit/log/AuditLog'
import type { ConnectChainReturnType } from '@sextant/chain/clients/connectChain'
import type { Approval, Attempt, VaultSource } from '@sextant/server/vault/VaultSource'
import { type Address, formatEther, type Hash } from 'viem'
import { CliError } from '../../../errors/CliError.ts'
import { type DemoPolicy, describePolicy } from './DemoPolicy.ts'

/** A payment the demo agent asks for, with where its recipient came from. */
export type PaymentRequest = {
  to: Address
  value: bigint
  provenance: 'user' | 'allowlist' | 'tool' | 'web'
  session: string
  agent: string
}

/** What the guard decided. */
export type PaymentOutcome = {
  decision: Attempt['decision']
  rule: string
  txHash?: Hash
  approvalId?: string
}

/** Return type of {@link createDemoGuard}: the vault module's source plus the agent's `pay`. */
export type DemoGuard = VaultSource & { pay(request: PaymentRequest): Promise<PaymentOutcome> }

type Saved = {
  approvals: Approval[]
  attempts: Attempt[]
  spends: { at: number; wei: string }[]
  seq: number
}

/**
 * The demo world's payment guard for `sextant up` while no on-chain wallet guard is wired in: an off-chain
 * policy (allowlist, per-payment cap, exact rolling window, human co-signature above a threshold, provenance)
 * checked before the agent's wallet signs, every attempt written to the audit log as a payment event, pending
 * approvals decided from the dashboard. State is saved to `path` so a restart resumes it.
 *
 * @example
 * const guard = createDemoGuard({ chain, log, policy, path: '.sextant/guard.json' })
 * await guard.pay({ to, value: parseEther('0.2'), provenance: 'allowlist', session: 'run-1', agent: 'treasury' })
 */
export function createDemoGuard({
  chain,
  log,
  policy,
  path,
}: {
  chain: Pick<ConnectChainReturnType, 'walletClient' | 'publicClient' | 'chain' | 'account'>
  log: AuditLog
  policy: DemoPolicy
  path: string
}): DemoGuard {
  const saved: Saved = existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as Saved)
    : { approvals: [], attempts: [], spends: [], seq: 0 }
  const listeners = new Set<(type: string, data: unknown) => void>()
  const changed = (type: string, data: unknown) => {
    writeFileSync(path, JSON.stringify(saved))
    for (const l of listeners) l(type, data)
  }
  const eth = (wei: bigint) => formatEther(wei)
  const used = (now = Date.now()) =>
    saved.spends
      .filter((s) => s.at > now - policy.windowSeconds * 1000)
      .reduce((sum, s) => sum + BigInt(s.wei), 0n)

  const send = async (to: Address, value: bigint) => {
    const hash = await chain.walletClient.sendTransaction({ to, value })
    const receipt = await chain.publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') throw new CliError('payment reverted', { details: hash })
    saved.spends.push({ at: Date.now(), wei: value.toString() })
    return hash
  }
  const record = async (r: PaymentRequest, outcome: PaymentOutcome) => {
    const { index } = await log.record({
      'gen_ai.operation.name': 'payment',
      'gen_ai.agent.id': r.agent,
      'gen_ai.agent.name': r.agent,
      'gen_ai.conversation.id': r.session,
      'sextant.payment.decision':
        outcome.decision === 'needs-approval' ? 'approval' : outcome.decision === 'allow' ? 'allow' : 'deny',
      'sextant.payment.rule': outcome.rule,
      'sextant.payment.chain_id': chain.chain.id,
      'sextant.payment.value': r.value.toString(),
      'sextant.payment.asset': 'ETH',
      ...(outcome.txHash ? { 'sextant.payment.tx_hash': outcome.txHash } : {}),
      private: { 'sextant.payment.to': r.to },
    })
    saved.attempts.push({
      at: Date.now(),
      vault: chain.account.address,
      to: r.to,
      value: eth(r.value),
      asset: 'ETH',
      decision: outcome.decision,
      rule: outcome.rule,
      ...(outcome.txHash ? { txHash: outcome.txHash } : {}),
      auditIndex: index,
    })
    if (saved.attempts.length > 500) saved.attempts.shift()
    changed('attempt', { decision: outcome.decision, rule: outcome.rule })
    return outcome
  }
  const check = (r: PaymentRequest): PaymentOutcome | undefined => {
    const listed = policy.allowlist.some((a) => a.toLowerCase() === r.to.toLowerCase())
    if ((r.provenance === 'web' || r.provenance === 'tool') && !listed)
      return {
        decision: 'deny',
        rule: `provenance: recipient came from ${r.provenance} content and is not allowlisted`,
      }
    if (!listed) return { decision: 'deny', rule: 'default deny: recipient not on the allowlist' }
    if (r.value > policy.perTxCap)
      return { decision: 'deny', rule: `per-payment cap of ${eth(policy.perTxCap)} ETH` }
    if (used() + r.value > policy.windowCap)
      return {
        decision: 'deny',
        rule: `rolling window: ${eth(used())} of ${eth(policy.windowCap)} ETH already spent in ${policy.windowSeconds / 60} min`,
      }
    return undefined
  }
  const expire = () => {
    for (const a of saved.approvals)
      if (a.status === 'pending' && a.expiresAt < Date.now()) a.status = 'expired'
  }

  return {
    async pay(r) {
      const refused = check(r)
      if (refused) return record(r, refused)
      if (r.value > policy.approvalAbove) {
        const id = `req-${++saved.seq}`
        const intent = { to: r.to, value: r.value.toString(), session: r.session, agent: r.agent }
        saved.approvals.unshift({
          id,
          vault: chain.account.address,
          to: r.to,
          value: eth(r.value),
          asset: 'ETH',
          reason: `${eth(r.value)} ETH is above the ${eth(policy.approvalAbove)} ETH co-signature threshold`,
          createdAt: Date.now(),
          expiresAt: Date.now() + policy.approvalTtlMs,
          status: 'pending',
          ...({ intent } as object),
        })
        return record(r, {
          decision: 'needs-approval',
          rule: `co-signature required above ${eth(policy.approvalAbove)} ETH`,
          approvalId: id,
        })
      }
      const txHash = await send(r.to, r.value)
      return record(r, {
        decision: 'allow',
        rule: 'allowlisted recipient, within the per-payment and window caps',
        txHash,
      })
    },
    async vaults() {
      return [
        {
          address: chain.account.address,
          name: 'treasury agent wallet',
          policy: describePolicy(policy, eth),
          windows: [
            {
              asset: 'ETH',
              cap: eth(policy.windowCap),
              windowSeconds: policy.windowSeconds,
              used: eth(used()),
              points: saved.spends.slice(-200).map((s) => ({ at: s.at, amount: eth(BigInt(s.wei)) })),
            },
          ],
        },
      ]
    },
    async approvals() {
      expire()
      return [...saved.approvals].sort(
        (a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'),
      )
    },
    async attempts() {
      return [...saved.attempts].reverse()
    },
    async decide(id, decision) {
      expire()
      const approval = saved.approvals.find((a) => a.id === id)
      if (!approval) throw new CliError('no such approval request', { details: id })
      if (approval.status !== 'pending')
        throw new CliError(`request already ${approval.status}`, { details: id })
      const intent = (
        approval as Approval & { intent: { to: Address; value: string; session: string; agent: string } }
      ).intent
      const request: PaymentRequest = { ...intent, value: BigInt(intent.value), provenance: 'allowlist' }
      if (decision === 'deny') {
        approval.status = 'denied'
        await record(request, { decision: 'deny', rule: `denied by a human (${id})` })
        return approval
      }
      const refused = check(request)
      if (refused) {
        approval.status = 'denied'
        await record(request, { ...refused, rule: `${refused.rule} (at approval of ${id})` })
        return approval
      }
      approval.status = 'approved'
      approval.txHash = await send(request.to, request.value)
      await record(request, {
        decision: 'allow',
        rule: `co-signed by a human (${id})`,
        txHash: approval.txHash as Hash,
      })
      return approval
    },
    watch(onChange) {
      listeners.add(onChange)
      return () => listeners.delete(onChange)
    },
  }
}
