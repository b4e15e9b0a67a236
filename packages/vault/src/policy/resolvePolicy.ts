import { type AbiFunction, type Address, getAddress, isAddress, parseAbiItem, toFunctionSelector } from 'viem'
import { PolicyError } from '../errors/VaultError.ts'
import { moduleConstants as K } from './moduleConstants.ts'
import {
  type ArgCondition,
  type CallRule,
  type KeyBudget,
  type Policy,
  type TokenRule,
  UNLIMITED_BUDGET,
} from './Policy.ts'
import { parseAmount } from './parseAmount.ts'
import { parseDuration } from './parseDuration.ts'
import type { PolicyFile } from './policyFileSchema.ts'
import { NATIVE_TOKEN, type TokenInfo } from './TokenInfo.ts'

const MAX_UINT112 = 2n ** 112n - 1n
const reserved = [
  K.multiSend,
  K.transfer,
  K.transferFrom,
  K.approve,
  K.increaseAllowance,
  K.permit,
  ...K.denied,
]

/**
 * Resolves a schema-checked policy file: token symbols and recipient names to addresses, human amounts to
 * base units, durations to seconds, function signatures to selectors, and refuses what the module would
 * refuse (so a policy that parses can be set). Errors name the field path.
 *
 * @example
 * const policy = resolvePolicy(policyFileSchema.parse(YAML.parse(text)))
 */
export function resolvePolicy(file: PolicyFile): Policy {
  const tokens: TokenInfo[] = [{ symbol: 'ETH', address: NATIVE_TOKEN, decimals: 18 }]
  for (const [symbol, info] of Object.entries(file.tokens ?? {})) {
    if (
      tokens.some(
        (t) =>
          t.symbol.toLowerCase() === symbol.toLowerCase() ||
          t.address.toLowerCase() === info.address.toLowerCase(),
      )
    ) {
      throw new PolicyError('duplicate token', { details: `tokens.${symbol}` })
    }
    tokens.push({ symbol, address: getAddress(info.address), decimals: info.decimals })
  }
  const tokenOf = (symbol: string, path: string) => {
    const token = tokens.find((t) => t.symbol.toLowerCase() === symbol.toLowerCase())
    if (!token) {
      throw new PolicyError('unknown token', {
        details: `${path}: "${symbol}" (known: ${tokens.map((t) => t.symbol).join(', ')})`,
      })
    }
    return token
  }
  const recipients = Object.entries(file.recipients ?? {}).map(([name, address]) => ({
    name,
    address: getAddress(address),
  }))
  const addressOf = (name: string, path: string): Address => {
    if (isAddress(name, { strict: false })) return getAddress(name)
    const match =
      recipients.find((r) => r.name === name)?.address ??
      tokens.find((t) => t.symbol === name && t.address !== NATIVE_TOKEN)?.address
    if (match) return match
    throw new PolicyError('unknown address name', {
      details: `${path}: "${name}" is neither an address, a recipient nor a token`,
    })
  }

  const rules: TokenRule[] = Object.entries(file.limits).map(([symbol, limits]) => {
    const path = `limits.${symbol}`
    const token = tokenOf(symbol, path)
    const amountOf = (value: string | number, field: string) => {
      const { amount } = parseAmount(value, { tokens, expected: token, path: `${path}.${field}` })
      if (amount > MAX_UINT112) throw new PolicyError('amount too large', { details: `${path}.${field}` })
      return amount
    }
    const perTxCap = amountOf(limits.perTx, 'perTx')
    const windowSeconds = parseDuration(limits.window, `${path}.window`)
    if (windowSeconds < 1 || windowSeconds > 4_294_967_295) {
      throw new PolicyError('invalid window', { details: `${path}.window: 1 second to 136 years` })
    }
    const approvalAbove =
      limits.approvalAbove === undefined ? perTxCap : amountOf(limits.approvalAbove, 'approvalAbove')
    return {
      token: token.address,
      perTxCap,
      windowCap: amountOf(limits.windowCap, 'windowCap'),
      windowSeconds,
      approvalThreshold: approvalAbove,
    }
  })
  if (rules.length > K.maxTokens)
    throw new PolicyError('too many token rules', { details: `limits: at most ${K.maxTokens}` })

  const calls: CallRule[] = (file.calls ?? []).map((call, i) => {
    const path = `calls[${i}]`
    const target = addressOf(call.target, `${path}.target`)
    if ([NATIVE_TOKEN, K.permit2].some((a) => a.toLowerCase() === target.toLowerCase())) {
      throw new PolicyError('target cannot be allowlisted', { details: `${path}.target: ${target}` })
    }
    let item: AbiFunction
    try {
      item = parseAbiItem(`function ${call.function}`) as AbiFunction
    } catch (cause) {
      throw new PolicyError('invalid function signature', {
        details: `${path}.function: "${call.function}"`,
        cause,
      })
    }
    const selector = toFunctionSelector(item)
    const signature = `${item.name}(${item.inputs.map((x) => x.type).join(',')})`
    if (reserved.includes(selector)) {
      throw new PolicyError('function cannot be allowlisted', {
        details: `${path}.function: ${signature} (token transfers and approvals are allowed by limits + recipients; multiSend and NFT transfers never)`,
      })
    }
    const conditions = (call.conditions ?? []).map((condition, j): ArgCondition => {
      const cpath = `${path}.conditions[${j}]`
      const index =
        typeof condition.arg === 'number'
          ? condition.arg
          : item.inputs.findIndex((input) => input.name === condition.arg)
      const input = item.inputs[index]
      if (index < 0 || !input || index > 255) {
        throw new PolicyError('unknown argument', {
          details: `${cpath}.arg: "${condition.arg}" of ${signature}`,
        })
      }
      const ops = (['eq', 'lte', 'gte', 'in'] as const).filter((op) => condition[op] !== undefined)
      if (ops.length !== 1)
        throw new PolicyError('a condition needs exactly one of eq, lte, gte, in', { details: cpath })
      const op = ops[0]!
      if (op === 'in') return { index, op: 'inRecipients', value: 0n }
      const raw = String(condition[op])
      let value: bigint
      if (input.type === 'address') value = BigInt(addressOf(raw, `${cpath}.${op}`))
      else if (/^\d+$/.test(raw)) value = BigInt(raw)
      else if (raw === 'true' || raw === 'false') value = raw === 'true' ? 1n : 0n
      else value = parseAmount(raw, { tokens, path: `${cpath}.${op}` }).amount
      if (value >= 2n ** 256n) throw new PolicyError('value too large', { details: `${cpath}.${op}` })
      return { index, op, value }
    })
    return { target, selector, signature, conditions }
  })

  const swaps = Object.entries(file.swaps ?? {}).map(([name, pair]) => {
    const address = getAddress(pair)
    if ([NATIVE_TOKEN, K.permit2, ...tokens.map((t) => t.address)].includes(address)) {
      throw new PolicyError('not a swap pair', {
        details: `swaps.${name}: ${address} is the native coin, Permit2 or a token of this policy`,
      })
    }
    return { name, pair: address }
  })

  const key = file.sessionKey ?? {}
  let rateLimit = { calls: 0, windowSeconds: 0 }
  if (key.rateLimit) {
    const [count, , period] = key.rateLimit.trim().split(/\s+/)
    rateLimit = { calls: Number(count), windowSeconds: parseDuration(period!, 'sessionKey.rateLimit') }
    if (rateLimit.calls > K.maxRateLimitCalls || rateLimit.windowSeconds < 1) {
      throw new PolicyError('invalid rate limit', {
        details: `sessionKey.rateLimit: at most ${K.maxRateLimitCalls} per a window of at least 1s`,
      })
    }
  }
  const budgets: KeyBudget[] = Object.entries(key.budget ?? {}).map(([symbol, value]) => {
    const path = `sessionKey.budget.${symbol}`
    const token = tokenOf(symbol, path)
    if (value === 'unlimited') return { token: token.address, amount: UNLIMITED_BUDGET }
    const { amount } = parseAmount(value, { tokens, expected: token, path })
    if (amount >= UNLIMITED_BUDGET) throw new PolicyError('amount too large', { details: path })
    return { token: token.address, amount }
  })
  return {
    tokens,
    rules,
    recipients,
    calls,
    swaps,
    sessionKey: {
      validForSeconds:
        key.validFor === undefined ? 30 * 86_400 : parseDuration(key.validFor, 'sessionKey.validFor'),
      maxUses: key.maxUses ?? 0,
      rateLimit,
      budgets,
    },
    guardians: (file.guardians ?? []).map((g) => getAddress(g)),
    timelockSeconds: file.timelock === undefined ? 86_400 : parseDuration(file.timelock, 'timelock'),
  }
}
