import { SwapError } from '../errors/VaultError.ts'

/** Parameters of {@link getAmountOut}. */
export type GetAmountOutParameters = { amountIn: bigint; reserveIn: bigint; reserveOut: bigint }

/**
 * What a Uniswap V2 pair pays out for `amountIn` at reserves `reserveIn`/`reserveOut` (0.3% fee), exactly as
 * `UniswapV2Library.getAmountOut`: the largest output the pair's constant-product check accepts. One unit more
 * and `swap` reverts (`UniswapV2: K`).
 *
 * @example
 * getAmountOut({ amountIn: 10n ** 18n, reserveIn: 100n * 10n ** 18n, reserveOut: 200_000n * 10n ** 18n })
 * // 1974316068794122597703n (≈ 1974.3)
 */
export function getAmountOut(parameters: GetAmountOutParameters): bigint {
  const { amountIn, reserveIn, reserveOut } = parameters
  if (amountIn <= 0n) throw new SwapError('swap amount must be positive', { details: String(amountIn) })
  if (reserveIn <= 0n || reserveOut <= 0n)
    throw new SwapError('pair has no liquidity', { details: `reserves ${reserveIn} / ${reserveOut}` })
  const amountInWithFee = amountIn * 997n
  return (amountInWithFee * reserveOut) / (reserveIn * 1000n + amountInWithFee)
}
