import { type Address, getAddress, toHex } from 'viem'
import { formatAmount } from '../decode/formatAmount.ts'
import { type Policy, UNLIMITED_BUDGET } from './Policy.ts'

/**
 * Describes a policy in plain sentences, one per line (what the dashboard and `sextant vault policy` show).
 *
 * @example
 * describePolicy(policy)
 * // ['Everything not listed below is refused.', 'ETH: at most 0.5 ETH per payment; …', …]
 */
export function describePolicy(policy: Policy): string[] {
  const { tokens } = policy
  const fmt = (amount: bigint, token: Address) => formatAmount(amount, token, tokens)
  const nameOf = (address: string) =>
    policy.recipients.find((r) => r.address.toLowerCase() === address.toLowerCase())?.name ??
    tokens.find((t) => t.address.toLowerCase() === address.toLowerCase())?.symbol ??
    address
  const lines = ['Everything not listed below is refused.']
  for (const rule of policy.rules) {
    const symbol = nameOf(rule.token)
    const parts = [
      `at most ${fmt(rule.perTxCap, rule.token)} per payment`,
      `at most ${fmt(rule.windowCap, rule.token)} in any ${duration(rule.windowSeconds)} (rolling, never reset at fixed times)`,
    ]
    if (rule.approvalThreshold < rule.perTxCap)
      parts.push(`above ${fmt(rule.approvalThreshold, rule.token)} an owner must co-sign`)
    lines.push(`${symbol}: ${parts.join('; ')}. Approvals and permits count as spending.`)
  }
  if (policy.rules.length === 0) lines.push('No token may be spent.')
  const payees = policy.recipients.map((r) => `${r.name} (${r.address})`)
  lines.push(
    payees.length
      ? `Payments and approvals may go only to: ${payees.join(', ')}.`
      : 'No recipient is allowed.',
  )
  for (const swap of policy.swaps) {
    lines.push(
      `Swaps on Uniswap V2 pair ${swap.name} (${swap.pair}): the token paid in counts as spending under its limits; the pair must send the output to the Safe itself, with no callback.`,
    )
  }
  for (const call of policy.calls) {
    const conditions = call.conditions.map((c) => {
      if (c.op === 'inRecipients') return `argument ${c.index} is an allowed recipient`
      const shown =
        c.value < 2n ** 160n && c.value > 2n ** 100n
          ? nameOf(getAddress(toHex(c.value, { size: 20 })))
          : String(c.value)
      return `argument ${c.index} ${{ eq: 'equals', lte: 'is at most', gte: 'is at least' }[c.op]} ${shown}`
    })
    lines.push(
      `Allowed: ${call.signature} on ${nameOf(call.target)}${conditions.length ? ` when ${conditions.join(' and ')}` : ''}.`,
    )
  }
  const key = policy.sessionKey
  const limits = [`valid for ${duration(key.validForSeconds)}`]
  if (key.maxUses) limits.push(`${key.maxUses} uses`)
  if (key.rateLimit.calls)
    limits.push(`at most ${key.rateLimit.calls} payments in any ${duration(key.rateLimit.windowSeconds)}`)
  const budget = key.budgets.map((b) =>
    b.amount === UNLIMITED_BUDGET ? `unlimited ${nameOf(b.token)}` : fmt(b.amount, b.token),
  )
  limits.push(budget.length ? `its own budget of ${budget.join(', ')}` : 'no budget (it cannot spend)')
  lines.push(`Each agent session key: ${limits.join(', ')}.`)
  lines.push(
    `Loosening this policy needs the owners and a ${duration(policy.timelockSeconds)} wait; tightening, pausing and the kill switch act at once (owners${policy.guardians.length ? ` and guardians ${policy.guardians.join(', ')}` : ''}).`,
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
