import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { type Address, encodeFunctionData, getAddress, type Hex } from 'viem'
import type { ReadModulePolicyReturnType } from '../chain/readModulePolicy.ts'
import type { Policy, TokenRule } from '../policy/Policy.ts'
import { expandSwaps } from '../swap/expandSwaps.ts'
import { encodeConditions } from './encodeConditions.ts'

/** Parameters of {@link planPolicyChanges}. */
export type PlanPolicyChangesParameters = {
  /** What the module enforces now (`readModulePolicy`). */
  current: ReadModulePolicyReturnType
  /** What it must enforce: the policy file. */
  policy: Policy
  /** The vault's Safe: required when the policy lists swaps (their output must return to it, `expandSwaps`). */
  safe?: Address | undefined
}

/**
 * The module setter calls (calldata, in order) that turn the module's spending rules into exactly the
 * policy's, tightening first:
 * - token rules, recipients and (target, selector) entries the policy no longer lists are removed;
 * - a changed token rule is first lowered to the field-wise minimum of old and new (same window), then set to the
 *   new values (that second call only when it loosens);
 * - an entry whose conditions changed is removed, then set again with the new conditions (so neither the old
 *   nor the new conditions alone apply while the change waits: the strictest, none);
 * - new recipients, entries and token rules are added. Unchanged rules produce no call.
 * Which calls apply at once and which wait for the timelock is the module's to say (see `setPolicy`). Guardians,
 * the timelock and session keys are not part of it.
 *
 * @example
 * const calls = planPolicyChanges({ current: await readModulePolicy(client, { module }), policy })
 */
export function planPolicyChanges(parameters: PlanPolicyChangesParameters): Hex[] {
  const { current, policy } = parameters
  const { recipients, calls } = expandSwaps(policy, { safe: parameters.safe })
  const removals: Hex[] = []
  const changes: Hex[] = []
  const call = (functionName: string, args: readonly unknown[]) =>
    encodeFunctionData({ abi: iSextantGuardModuleAbi, functionName, args } as never)

  const wantedRules = new Map(policy.rules.map((r) => [key(r.token), r]))
  const currentRules = new Map(current.rules.map((r) => [key(r.token), r]))
  for (const [token, old] of currentRules) {
    const wanted = wantedRules.get(token)
    if (!wanted) {
      removals.push(call('removeTokenRule', [old.token]))
      continue
    }
    const lower = minimum(old, wanted)
    if (!sameRule(lower, old)) removals.push(call('setTokenRule', [old.token, ruleArgs(lower)]))
    if (!sameRule(wanted, lower)) changes.push(call('setTokenRule', [wanted.token, ruleArgs(wanted)]))
  }
  for (const [token, wanted] of wantedRules) {
    if (!currentRules.has(token)) changes.push(call('setTokenRule', [wanted.token, ruleArgs(wanted)]))
  }

  const wantedRecipients = new Set(recipients.map((r) => key(r.address)))
  const currentRecipients = new Set(current.recipients.map(key))
  for (const r of current.recipients) {
    if (!wantedRecipients.has(key(r))) removals.push(call('setRecipient', [r, false]))
  }
  for (const r of recipients) {
    if (!currentRecipients.has(key(r.address))) changes.push(call('setRecipient', [r.address, true]))
  }

  const wantedCalls = new Map(
    calls.map((c) => [callKey(c.target, c.selector), { ...c, encoded: encodeConditions(c.conditions) }]),
  )
  const currentCalls = new Map(current.calls.map((c) => [callKey(c.target, c.selector), c]))
  for (const [id, old] of currentCalls) {
    const wanted = wantedCalls.get(id)
    if (wanted && sameConditions(old.conditions, wanted.encoded)) continue
    removals.push(call('removeTargetFunction', [old.target, old.selector]))
  }
  for (const [id, wanted] of wantedCalls) {
    const old = currentCalls.get(id)
    if (old && sameConditions(old.conditions, wanted.encoded)) continue
    changes.push(call('setTargetFunction', [wanted.target, wanted.selector, wanted.encoded]))
  }
  return [...removals, ...changes]
}

type RuleFields = Omit<TokenRule, 'token'>

function ruleArgs(r: RuleFields): RuleFields {
  return {
    perTxCap: r.perTxCap,
    windowCap: r.windowCap,
    approvalThreshold: r.approvalThreshold,
    windowSeconds: r.windowSeconds,
  }
}

/** Field-wise minimum of the caps and threshold, with `a`'s window (a window change always waits). */
function minimum(a: RuleFields, b: RuleFields): RuleFields {
  const min = (x: bigint, y: bigint) => (x < y ? x : y)
  return {
    perTxCap: min(a.perTxCap, b.perTxCap),
    windowCap: min(a.windowCap, b.windowCap),
    approvalThreshold: min(a.approvalThreshold, b.approvalThreshold),
    windowSeconds: a.windowSeconds,
  }
}

function sameRule(a: RuleFields, b: RuleFields): boolean {
  return (
    a.perTxCap === b.perTxCap &&
    a.windowCap === b.windowCap &&
    a.approvalThreshold === b.approvalThreshold &&
    a.windowSeconds === b.windowSeconds
  )
}

function sameConditions(
  a: readonly { paramIndex: number; op: number; value: Hex }[],
  b: readonly { paramIndex: number; op: number; value: Hex }[],
): boolean {
  return (
    a.length === b.length &&
    a.every(
      (c, i) =>
        c.paramIndex === b[i]!.paramIndex &&
        c.op === b[i]!.op &&
        c.value.toLowerCase() === b[i]!.value.toLowerCase(),
    )
  )
}

function key(address: Address): string {
  return getAddress(address)
}

function callKey(target: Address, selector: Hex): string {
  return `${getAddress(target)}:${selector.toLowerCase()}`
}
