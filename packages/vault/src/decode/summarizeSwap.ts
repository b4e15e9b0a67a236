import { type Address, isAddressEqual } from 'viem'
import { getAmountOut } from '../swap/getAmountOut.ts'
import type { DecodedCall, PairInfo, SwapSummary } from './DecodedCall.ts'

/**
 * Recognises a swap through the vault in a batch's calls: exactly `tokenIn.transfer(pair, amountIn)` followed by
 * `pair.swap(…)` on a known pair, with `tokenIn` one of the pair's tokens and the output taken in the other token
 * only. Returns the summary (input, exact output, current quote, recipient), or `undefined` for anything else.
 *
 * @example
 * summarizeSwap(batch.calls, { pairs, safe })?.amountOut
 */
export function summarizeSwap(
  calls: readonly DecodedCall[],
  parameters: { pairs?: Readonly<Record<string, PairInfo>>; safe?: Address },
): SwapSummary | undefined {
  const [transfer, swap] = calls
  if (calls.length !== 2 || transfer?.kind !== 'erc20-transfer' || swap?.kind !== 'uniswap-v2-swap')
    return undefined
  const pair = parameters.pairs?.[swap.to.toLowerCase()]
  if (!pair || !isAddressEqual(transfer.args.to as Address, swap.to)) return undefined
  const {
    amount0Out,
    amount1Out,
    to: recipient,
  } = swap.args as {
    amount0Out: bigint
    amount1Out: bigint
    to: Address
  }
  const zeroForOne = isAddressEqual(transfer.to, pair.token0)
  if (!zeroForOne && !isAddressEqual(transfer.to, pair.token1)) return undefined
  if ((zeroForOne ? amount0Out : amount1Out) !== 0n) return undefined
  const amountIn = transfer.args.amount as bigint
  const [reserveIn, reserveOut] = zeroForOne ? [pair.reserve0, pair.reserve1] : [pair.reserve1, pair.reserve0]
  const quotedOut =
    amountIn > 0n && reserveIn > 0n && reserveOut > 0n
      ? getAmountOut({ amountIn, reserveIn, reserveOut })
      : 0n
  return {
    pair: swap.to,
    tokenIn: transfer.to,
    amountIn,
    tokenOut: zeroForOne ? pair.token1 : pair.token0,
    amountOut: zeroForOne ? amount1Out : amount0Out,
    quotedOut,
    recipient,
    toSafe: parameters.safe !== undefined && isAddressEqual(recipient, parameters.safe),
  }
}
