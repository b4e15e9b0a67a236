import { type Address, isAddress } from 'viem'
import { isPrincipal } from '../taint/Provenance.ts'
import type { Tainted } from '../taint/Tainted.ts'
import type { GuardPolicy } from './GuardPolicy.ts'

/** Parameters of {@link checkPolicy}: one value-moving request with tainted arguments. */
export type CheckPolicyParameters = {
  policy: GuardPolicy
  to: Tainted<Address>
  amount: Tainted<bigint>
  asset: string
  /** Already moved today in this asset, base units. */
  spentToday: bigint
}

/** Return type of {@link checkPolicy}: `undefined` when every rule passes. */
export type PolicyVerdict = { decision: 'needs-approval' | 'deny'; rule: string; reason: string } | undefined

/**
 * The TypeScript pre-flight of a payment, rules in order: a valid recipient and positive amount; the
 * provenance gate (a recipient not on the allowlist must come from a principal — the user or the operator —
 * and so must the amount, else the request is held for a human or denied); the per-transaction and daily
 * limits. Pure: no chain access.
 *
 * @example
 * checkPolicy({ policy, to: ledger.derive(to), amount, asset: 'ETH', spentToday: 0n }) // undefined = allowed
 */
export function checkPolicy({ policy, to, amount, asset, spentToday }: CheckPolicyParameters): PolicyVerdict {
  if (!isAddress(to.value, { strict: false }))
    return { decision: 'deny', rule: 'invalid', reason: 'not an address' }
  if (amount.value <= 0n) return { decision: 'deny', rule: 'invalid', reason: 'amount must be positive' }
  const listed = policy.allowlist.some((a) => a.toLowerCase() === to.value.toLowerCase())
  const untrusted = policy.onUntrusted ?? 'needs-approval'
  if (!listed && !isPrincipal(to.provenance)) {
    return {
      decision: untrusted,
      rule: 'provenance',
      reason: `recipient came from ${to.provenance} content (${to.sources.join(', ') || 'no input'}) and is not allowlisted`,
    }
  }
  if (!listed && !isPrincipal(amount.provenance)) {
    return {
      decision: untrusted,
      rule: 'provenance',
      reason: `amount came from ${amount.provenance} content and the recipient is not allowlisted`,
    }
  }
  const cap = policy.perTransaction[asset.toLowerCase()] ?? policy.perTransaction[asset]
  if (cap === undefined)
    return { decision: 'deny', rule: 'asset', reason: `no limit configured for ${asset}` }
  if (amount.value > cap)
    return { decision: 'deny', rule: 'per-transaction-limit', reason: `over the ${cap} limit` }
  const daily = policy.daily[asset.toLowerCase()] ?? policy.daily[asset] ?? cap
  if (spentToday + amount.value > daily) {
    return { decision: 'deny', rule: 'daily-budget', reason: `${spentToday} already spent of ${daily} today` }
  }
  return undefined
}
