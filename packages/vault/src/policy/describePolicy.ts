import { formatAmount } from '../decode/formatAmount.ts'
import type { Policy } from './Policy.ts'

/**
 * Describes a policy in plain sentences, one per line (what the dashboard and `sextant vault policy` show).
 *
 * @example
 * describePolicy(policy)
 * // ['Everything not listed below is refused.', 'ETH: at most 0.1 ETH per payment; …', …]
 */
export function describePolicy(policy: Policy): string[] {
  const tokens = policy.tokens
  const fmt = (amount: bigint, token: `0x${string}`) => formatAmount(amount, token, tokens)
  const nameOf = (address: string) =>
    policy.recipients.find((r) => r.address.toLowerCase() === address.toLowerCase())?.name ??
    tokens.find((t) => t.address.toLowerCase() === address.toLowerCase())?.symbol ??
    address
  const lines = ['Everything not listed below is refused.']
  for (const rule of policy.rules) {
    const symbol = tokens.find((t) => t.address === rule.token)?.symbol ?? rule.token
    const parts = [`at most ${fmt(rule.perTxCap, rule.token)} per payment`]
    if (rule.windowCap > 0n) {
      parts.push(
        `at most ${fmt(rule.windowCap, rule.token)} in any ${duration(rule.windowSeconds)} (rolling, not reset at fixed times)`,
      )
    }
    if (rule.approvalThreshold > 0n)
      parts.push(`above ${fmt(rule.approvalThreshold, rule.token)} an owner must co-sign`)
    lines.push(`${symbol}: ${parts.join('; ')}. Approvals and permits count as spending.`)
  }
  if (policy.rules.length === 0) lines.push('No token may be spent.')
  for (const call of policy.calls) {
    const conditions = call.conditions.map((c) => {
      if (c.kind === 'in')
        return `argument ${c.index} is one of ${c.values.map((v) => nameOf(`0x${v.toString(16).padStart(40, '0')}`)).join(', ')}`
      return `argument ${c.index} ${c.kind === 'lte' ? 'is at most' : 'equals'} ${c.value}`
    })
    const what =
      call.selector === '0x'
        ? `plain ${tokens[0]?.symbol ?? 'ETH'} transfers to ${nameOf(call.target)}`
        : `${call.signature} on ${nameOf(call.target)}`
    lines.push(`Allowed: ${what}${conditions.length ? ` when ${conditions.join(' and ')}` : ''}.`)
  }
  if (policy.rateLimit.count > 0)
    lines.push(`At most ${policy.rateLimit.count} payments per ${duration(policy.rateLimit.periodSeconds)}.`)
  const key = policy.sessionKey
  const budget = key.budget.map((b) => fmt(b.amount, b.token)).join(', ')
  lines.push(
    `Each agent session key is valid for ${duration(key.validForSeconds)}${key.maxUses ? `, ${key.maxUses} uses` : ''}${budget ? `, with its own budget of ${budget}` : ''}.`,
  )
  lines.push(
    `Loosening this policy needs the owners and a ${duration(policy.timelockSeconds)} wait; tightening and pausing act at once.`,
  )
  return lines
}

function duration(seconds: number): string {
  for (const [unit, size] of [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ] as const) {
    if (seconds >= size && seconds % size === 0)
      return `${seconds / size} ${unit}${seconds === size ? '' : 's'}`
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`
}
