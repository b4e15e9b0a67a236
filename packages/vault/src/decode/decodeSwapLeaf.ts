import { type Address, decodeFunctionData, getAddress, type Hex, isAddressEqual } from 'viem'
import type { TokenInfo } from '../policy/TokenInfo.ts'
import type { DecodedCall, PairInfo } from './DecodedCall.ts'
import { formatAmount } from './formatAmount.ts'
import { uniswapV2PairAbi, uniswapV2SwapSelector } from './knownAbis.ts'

/** Parameters of {@link decodeSwapLeaf}. */
export type DecodeSwapLeafParameters = {
  to: Address
  data: Hex
  /** Known pairs by lowercase address (tokens and reserves). */
  pairs?: Readonly<Record<string, PairInfo>>
  /** The vault's Safe, to say whether the output comes back to it. */
  safe?: Address
  tokens?: readonly TokenInfo[]
}

/**
 * Decodes a Uniswap V2 `swap(amount0Out, amount1Out, to, data)` call (without the value and the native spend
 * that `decodeCall` adds): what it takes out of the pair and who receives it. `undefined` when the calldata is
 * not a well-formed `swap`. The call itself moves nothing out of the Safe; the input is the batch's transfer.
 *
 * @example
 * decodeSwapLeaf({ to: pair, data, pairs, safe })?.explanation
 * // 'Uniswap V2 swap on 0x…: take 197.5 VT out of the pair, to the Safe'
 */
export function decodeSwapLeaf(
  parameters: DecodeSwapLeafParameters,
): Omit<DecodedCall, 'value' | 'spends' | 'operation'> | undefined {
  const { to, data, pairs = {}, safe, tokens = [] } = parameters
  let args: readonly [bigint, bigint, Address, Hex]
  try {
    const decoded = decodeFunctionData({ abi: uniswapV2PairAbi, data })
    if (decoded.functionName !== 'swap') return undefined
    args = decoded.args
  } catch {
    return undefined
  }
  const [amount0Out, amount1Out, recipient, callback] = args
  const pair = pairs[to.toLowerCase()]
  const outs = [
    [amount0Out, pair?.token0, 'token0'],
    [amount1Out, pair?.token1, 'token1'],
  ] as const
  const taken = outs
    .filter(([amount]) => amount > 0n)
    .map(([amount, token, name]) => (token ? formatAmount(amount, token, tokens) : `${amount} of ${name}`))
  const toSafe = safe !== undefined && isAddressEqual(recipient, safe)
  const where = toSafe ? 'to the Safe' : `to ${getAddress(recipient)}${safe ? ' (not the Safe)' : ''}`
  return {
    kind: 'uniswap-v2-swap',
    to: getAddress(to),
    data,
    selector: uniswapV2SwapSelector,
    functionName: 'swap',
    args: { amount0Out, amount1Out, to: getAddress(recipient), data: callback },
    explanation: `Uniswap V2 swap on ${getAddress(to)}: take ${taken.join(' and ') || 'nothing'} out of the pair, ${where}${callback === '0x' ? '' : ', with a flash-swap callback'}`,
  }
}
