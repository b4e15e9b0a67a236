import { type Address, getAddress, isAddressEqual } from 'viem'
import type { VaultClient } from '../chain/VaultClient.ts'
import { uniswapV2PairAbi } from '../decode/knownAbis.ts'
import { SwapError } from '../errors/VaultError.ts'
import { getAmountOut } from './getAmountOut.ts'

/** Parameters of {@link quoteSwap}. */
export type QuoteSwapParameters = {
  /** A Uniswap V2 pair. */
  pair: Address
  tokenIn: Address
  amountIn: bigint
  /** Quote at this block (default: latest). */
  blockNumber?: bigint
}

/** Return type of {@link quoteSwap}. */
export type QuoteSwapReturnType = {
  pair: Address
  token0: Address
  token1: Address
  tokenIn: Address
  tokenOut: Address
  /** True when `tokenIn` is the pair's token0 (the output is token1). */
  zeroForOne: boolean
  reserveIn: bigint
  reserveOut: bigint
  amountIn: bigint
  /** The most the pair pays for `amountIn` at these reserves (`getAmountOut`, 0.3% fee). */
  amountOut: bigint
}

/**
 * Quotes a swap on a Uniswap V2 pair from its on-chain reserves: which token comes out and how much
 * `amountIn` buys (`getAmountOut` with the 0.3% fee). Throws `SwapError` when `tokenIn` is not in the pair or
 * the pair is empty.
 *
 * @example
 * const quote = await quoteSwap(client, { pair, tokenIn: weth, amountIn: parseEther('0.1') })
 * quote.tokenOut, quote.amountOut
 */
export async function quoteSwap(
  client: Pick<VaultClient, 'publicClient'>,
  parameters: QuoteSwapParameters,
): Promise<QuoteSwapReturnType> {
  const { pair, tokenIn, amountIn } = parameters
  const at = parameters.blockNumber !== undefined ? { blockNumber: parameters.blockNumber } : {}
  const read = <F extends 'token0' | 'token1' | 'getReserves'>(functionName: F) =>
    client.publicClient.readContract({ address: pair, abi: uniswapV2PairAbi, functionName, ...at })
  let token0: Address
  let token1: Address
  let reserves: readonly [bigint, bigint, number]
  try {
    ;[token0, token1, reserves] = await Promise.all([read('token0'), read('token1'), read('getReserves')])
  } catch (cause) {
    throw new SwapError('not a Uniswap V2 pair', { details: pair, cause })
  }
  const zeroForOne = isAddressEqual(tokenIn, token0)
  if (!zeroForOne && !isAddressEqual(tokenIn, token1))
    throw new SwapError('token is not in the pair', { details: `${tokenIn} on pair ${pair}` })
  const [reserveIn, reserveOut] = zeroForOne ? [reserves[0], reserves[1]] : [reserves[1], reserves[0]]
  return {
    pair: getAddress(pair),
    token0: getAddress(token0),
    token1: getAddress(token1),
    tokenIn: getAddress(tokenIn),
    tokenOut: getAddress(zeroForOne ? token1 : token0),
    zeroForOne,
    reserveIn,
    reserveOut,
    amountIn,
    amountOut: getAmountOut({ amountIn, reserveIn, reserveOut }),
  }
}
