import { type AbiFunction, type Address, getAddress, isAddress, parseAbiItem, toFunctionSelector } from 'viem'
import { PolicyError } from '../errors/VaultError.ts'
import { knownFunctions } from './knownFunctions.ts'
import type { ArgCondition, CallRule, Policy, TokenRule } from './Policy.ts'
import { parseAmount } from './parseAmount.ts'
import { parseDuration } from './parseDuration.ts'
import type { PolicyFile } from './policyFileSchema.ts'
import { NATIVE_TOKEN, type TokenInfo } from './TokenInfo.ts'

/**
 * Resolves a schema-checked policy file: token symbols and recipient names to addresses, human amounts to
 * base units, durations to seconds, function names to selectors. Errors name the field path.
 *
 * @example
 * const policy = resolvePolicy(policyFileSchema.parse(YAML.parse(text)))
 */
export function resolvePolicy(file: PolicyFile): Policy {
  const tokens: TokenInfo[] = [{ symbol: 'ETH', address: NATIVE_TOKEN, decimals: 18 }]
  for (const [symbol, info] of Object.entries(file.tokens ?? {})) {
    if (tokens.some((t) => t.symbol.toLowerCase() === symbol.toLowerCase())) {
      throw new PolicyError('duplicate token symbol', { details: `tokens.${symbol}` })
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
    const recipient = recipients.find((r) => r.name === name)
    if (recipient) return recipient.address
    const token = tokens.find(
      (t) => t.symbol.toLowerCase() === name.toLowerCase() && t.address !== NATIVE_TOKEN,
    )
    if (token) return token.address
    throw new PolicyError('unknown address name', {
      details: `${path}: "${name}" is neither an address, a recipient nor a token`,
    })
  }

  const rules: TokenRule[] = Object.entries(file.limits).map(([symbol, limits]) => {
    const path = `limits.${symbol}`
    const token = tokenOf(symbol, path)
    const amountOf = (value: string | number | undefined, field: string) =>
      value === undefined
        ? 0n
        : parseAmount(value, { tokens, expected: token, path: `${path}.${field}` }).amount
    const windowCap = amountOf(limits.windowCap, 'windowCap')
    const windowSeconds = limits.window === undefined ? 0 : parseDuration(limits.window, `${path}.window`)
    if (windowCap > 0n !== windowSeconds > 0) {
      throw new PolicyError('windowCap and window go together', { details: `${path}: set both or neither` })
    }
    const perTxCap = amountOf(limits.perTx, 'perTx')
    if (perTxCap === 0n) throw new PolicyError('perTx must be above zero', { details: `${path}.perTx` })
    return {
      token: token.address,
      perTxCap,
      windowCap,
      windowSeconds,
      approvalThreshold: amountOf(limits.approvalAbove, 'approvalAbove'),
    }
  })

  const calls: CallRule[] = file.calls.map((call, i) => {
    const path = `calls[${i}]`
    const target = addressOf(call.target, `${path}.target`)
    if (!call.function) {
      if (call.conditions?.length) {
        throw new PolicyError('a plain transfer takes no conditions', { details: `${path}.conditions` })
      }
      return { target, selector: '0x', signature: 'native transfer', conditions: [] }
    }
    const signature = knownFunctions[call.function] ?? call.function
    let item: AbiFunction
    try {
      item = parseAbiItem(`function ${signature}`) as AbiFunction
    } catch (cause) {
      throw new PolicyError('invalid function', { details: `${path}.function: "${call.function}"`, cause })
    }
    const token = tokens.find((t) => t.address === target)
    const conditions = (call.conditions ?? []).map((condition, j): ArgCondition => {
      const cpath = `${path}.conditions[${j}]`
      const index =
        typeof condition.arg === 'number'
          ? condition.arg
          : item.inputs.findIndex((input) => input.name === condition.arg)
      const input = item.inputs[index]
      if (index < 0 || !input) {
        throw new PolicyError('unknown argument', {
          details: `${cpath}.arg: "${condition.arg}" of ${signature}`,
        })
      }
      const set = [condition.in, condition.lte, condition.eq].filter((v) => v !== undefined).length
      if (set !== 1) throw new PolicyError('a condition needs exactly one of in, lte, eq', { details: cpath })
      const word = (value: string | number, field: string): bigint => {
        if (input.type === 'address') return BigInt(addressOf(String(value), `${cpath}.${field}`))
        if (/^\d+$/.test(String(value))) return BigInt(value)
        return parseAmount(value, {
          tokens,
          ...(token ? { expected: token } : {}),
          path: `${cpath}.${field}`,
        }).amount
      }
      if (condition.in !== undefined) {
        const values =
          condition.in === 'recipients'
            ? recipients.map((r) => BigInt(r.address))
            : condition.in.map((v) => word(v, 'in'))
        if (values.length === 0)
          throw new PolicyError('empty allowlist', { details: `${cpath}.in: no recipients defined` })
        return { index, kind: 'in', values }
      }
      if (condition.lte !== undefined) return { index, kind: 'lte', value: word(condition.lte, 'lte') }
      return { index, kind: 'eq', value: word(condition.eq!, 'eq') }
    })
    return {
      target,
      selector: toFunctionSelector(item),
      signature: `${item.name}(${item.inputs.map((x) => x.type).join(',')})`,
      conditions,
    }
  })

  let rateLimit = { count: 0, periodSeconds: 0 }
  if (file.rateLimit) {
    const [count, , period] = file.rateLimit.trim().split(/\s+/)
    rateLimit = { count: Number(count), periodSeconds: parseDuration(period!, 'rateLimit') }
  }
  const key = file.sessionKey ?? {}
  const budget = Object.entries(key.budget ?? {}).map(([symbol, value]) => {
    const token = tokenOf(symbol, `sessionKey.budget.${symbol}`)
    return {
      token: token.address,
      amount: parseAmount(value, { tokens, expected: token, path: `sessionKey.budget.${symbol}` }).amount,
    }
  })
  return {
    tokens,
    rules,
    recipients,
    calls,
    rateLimit,
    sessionKey: {
      validForSeconds:
        key.validFor === undefined ? 30 * 86_400 : parseDuration(key.validFor, 'sessionKey.validFor'),
      maxUses: key.maxUses ?? 0,
      budget,
    },
    timelockSeconds: file.timelock === undefined ? 86_400 : parseDuration(file.timelock, 'timelock'),
  }
}
