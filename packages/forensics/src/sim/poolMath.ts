/** A Uniswap V2 pool's reserves of one launchpad token and WETH, and its LP token supply. */
export type PoolState = { token: bigint; native: bigint; lp: bigint }

/**
 * `UniswapV2Library.getAmountOut` to the wei: what a swap of `amountIn` pays out after the pool's 0.3% fee,
 * rounded down.
 *
 * @example
 * quoteSwap(10n ** 18n, 85n * 10n ** 18n, 206_900_000n * 10n ** 18n)
 */
export function quoteSwap(amountIn: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
  const inWithFee = amountIn * 997n
  return (inWithFee * reserveOut) / (reserveIn * 1000n + inWithFee)
}
