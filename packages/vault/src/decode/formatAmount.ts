import { type Address, formatUnits } from 'viem'
import { NATIVE_TOKEN, type TokenInfo } from '../policy/TokenInfo.ts'

/**
 * Formats a base-unit amount with the token's symbol when known (`"100 USDC"`), else raw units and address.
 *
 * @example
 * formatAmount(500000000000000000n, NATIVE_TOKEN, tokens) // '0.5 ETH'
 */
export function formatAmount(amount: bigint, token: Address, tokens: readonly TokenInfo[] = []): string {
  const info = tokens.find((t) => t.address.toLowerCase() === token.toLowerCase())
  if (info) return `${formatUnits(amount, info.decimals)} ${info.symbol}`
  if (token.toLowerCase() === NATIVE_TOKEN) return `${formatUnits(amount, 18)} ETH`
  return `${amount} units of token ${token}`
}
