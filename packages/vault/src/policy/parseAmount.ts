import { parseUnits } from 'viem'
import { PolicyError } from '../errors/VaultError.ts'
import type { TokenInfo } from './TokenInfo.ts'

/** Parameters of {@link parseAmount}. */
export type ParseAmountParameters = {
  /** Known tokens by symbol (case-insensitive). */
  tokens: readonly TokenInfo[]
  /** When set, the amount must be in this token (its symbol may then be omitted). */
  expected?: TokenInfo
  /** Field path for error messages. */
  path?: string
}

/** Return type of {@link parseAmount}: the token and the amount in its base units. */
export type ParseAmountReturnType = { token: TokenInfo; amount: bigint }

/**
 * Parses a human amount such as `"100 USDC"`, `"0.5 ETH"` or `"1,000 USDC"` into base units.
 *
 * @example
 * parseAmount('0.5 ETH', { tokens }) // { token: ETH, amount: 500000000000000000n }
 */
export function parseAmount(text: string | number, parameters: ParseAmountParameters): ParseAmountReturnType {
  const { tokens, expected, path = 'amount' } = parameters
  const match = /^\s*([0-9][0-9_,]*(?:\.[0-9]+)?)\s*([A-Za-z][A-Za-z0-9.\-_]*)?\s*$/.exec(String(text))
  if (!match) {
    throw new PolicyError('invalid amount', {
      details: `${path}: "${text}" (use e.g. "100 USDC" or "0.5 ETH")`,
    })
  }
  const [, digits, symbol] = match
  const token = symbol ? tokens.find((t) => t.symbol.toLowerCase() === symbol.toLowerCase()) : expected
  if (!token) {
    const known = tokens.map((t) => t.symbol).join(', ')
    throw new PolicyError(symbol ? 'unknown token' : 'amount needs a token symbol', {
      details: `${path}: "${text}"${symbol ? ` (known: ${known})` : ''}`,
    })
  }
  if (expected && token.address.toLowerCase() !== expected.address.toLowerCase()) {
    throw new PolicyError('amount in the wrong token', {
      details: `${path}: "${text}" must be in ${expected.symbol}`,
    })
  }
  const plain = digits!.replace(/[_,]/g, '')
  const fraction = plain.split('.')[1] ?? ''
  if (fraction.length > token.decimals) {
    throw new PolicyError('too many decimals', {
      details: `${path}: "${text}" (${token.symbol} has ${token.decimals} decimals)`,
    })
  }
  const amount = parseUnits(plain, token.decimals)
  if (amount >= 2n ** 128n) throw new PolicyError('amount too large', { details: `${path}: "${text}"` })
  return { token, amount }
}
