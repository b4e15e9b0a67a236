import { type Address, getAddress, type Hex } from 'viem'
import { moduleConstants as K } from '../policy/moduleConstants.ts'
import { UNLIMITED_BUDGET } from '../policy/Policy.ts'
import { checkLeaf, type Reservations } from './checkLeaf.ts'
import { type Leaf, type PolicyFailure, PolicyRevert } from './Leaf.ts'
import type { ModuleSnapshot } from './ModuleSnapshot.ts'
import { unwrapCalls } from './unwrapCalls.ts'

/** Parameters of {@link checkExecute}: the call a session key wants to run. */
export type CheckExecuteParameters = { to: Address; value: bigint; data: Hex }

/** Return type of {@link checkExecute}. */
export type CheckExecuteReturnType = {
  /** `allow`: `execute` passes the policy; `needs-approval`: only with an owner's co-signature; `deny`: reverts. */
  outcome: 'allow' | 'needs-approval' | 'deny'
  /** The failing check (deny) or the threshold that asks for a co-signature (needs-approval). */
  failure?: PolicyFailure
  leaves: Leaf[]
  reservations: { token: Address; amount: bigint }[]
}

/**
 * The module's checks of `execute` (POLICY.md steps 2–7) in TypeScript, with exactly its arithmetic, over a
 * snapshot of its state at block time `snapshot.now`: setup phase, pause, session key validity, uses and
 * rate limit, batch unwrapping, every leaf, then per token the per-transaction cap, the exact rolling window,
 * the ledger capacity, the key budget and the co-signature threshold.
 *
 * @example
 * const { outcome, failure } = checkExecute(snapshot, { to: usdc, value: 0n, data })
 * // { outcome: 'deny', failure: { rule: 'WindowCapExceeded', args: [usdc, 200000000n, 100000000n, 250000000n] } }
 */
export function checkExecute(snapshot: ModuleSnapshot, call: CheckExecuteParameters): CheckExecuteReturnType {
  const s = snapshot
  const leaves: Leaf[] = []
  const reservations: Reservations = new Map()
  const list = () => [...reservations].map(([token, amount]) => ({ token: getAddress(token), amount }))
  try {
    if (!s.sealed) throw new PolicyRevert({ rule: 'SetupPhase', args: [false] })
    if (s.paused) throw new PolicyRevert({ rule: 'Paused', args: [] })
    const key = s.sessionKey
    if (!key.active) throw new PolicyRevert({ rule: 'InvalidSessionKey', args: [key.address] })
    if (!(key.validAfter <= s.now && s.now <= key.validUntil)) {
      throw new PolicyRevert({
        rule: 'SessionKeyOutsideValidity',
        args: [key.address, key.validAfter, key.validUntil],
      })
    }
    if (key.maxUses !== 0 && key.uses >= key.maxUses) {
      throw new PolicyRevert({ rule: 'SessionKeyUsesExhausted', args: [key.address, key.maxUses] })
    }
    if (key.rateLimitCalls !== 0 && key.callsInWindow >= key.rateLimitCalls) {
      throw new PolicyRevert({
        rule: 'RateLimited',
        args: [key.address, key.rateLimitCalls, key.rateLimitWindow],
      })
    }
    unwrapCalls({
      safe: s.safe,
      module: s.module,
      ...call,
      leaves,
      onLeaf: (leaf) => checkLeaf(s, leaf, reservations),
    })
    let needsCoSignature: PolicyFailure | undefined
    for (const [token, amount] of reservations) {
      if (amount === 0n) continue
      const rule = s.rules[token]!
      const address = getAddress(token)
      if (amount > rule.perTxCap)
        throw new PolicyRevert({ rule: 'PerTxCapExceeded', args: [address, amount, rule.perTxCap] })
      if (rule.windowSpent + amount > rule.windowCap) {
        throw new PolicyRevert({
          rule: 'WindowCapExceeded',
          args: [address, rule.windowSpent, amount, rule.windowCap],
        })
      }
      if (rule.ledgerInWindow >= K.maxLedgerEntries) {
        throw new PolicyRevert({ rule: 'WindowLedgerFull', args: [address] })
      }
      const budget = s.budgets[token] ?? { amount: 0n, spent: 0n }
      if (
        budget.amount === 0n ||
        (budget.amount !== UNLIMITED_BUDGET && budget.spent + amount > budget.amount)
      ) {
        throw new PolicyRevert({
          rule: 'KeyBudgetExceeded',
          args: [key.address, address, budget.spent, amount, budget.amount],
        })
      }
      if (amount > rule.approvalThreshold && !needsCoSignature) {
        needsCoSignature = { rule: 'CoSignatureRequired', args: [address, amount, rule.approvalThreshold] }
      }
    }
    return needsCoSignature
      ? { outcome: 'needs-approval', failure: needsCoSignature, leaves, reservations: list() }
      : { outcome: 'allow', leaves, reservations: list() }
  } catch (error) {
    if (!(error instanceof PolicyRevert)) throw error
    return { outcome: 'deny', failure: error.failure, leaves, reservations: list() }
  }
}
