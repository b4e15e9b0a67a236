/** Basis points in 100%. */
export const BPS = 10_000n
/** Tokens minted per launch (18 decimals). */
export const TOTAL_SUPPLY = 1_000_000_000n * 10n ** 18n
/** Virtual coin reserve of a new curve. */
export const INITIAL_VIRTUAL_ETH = 30n * 10n ** 18n
/** Virtual token reserve of a new curve. */
export const INITIAL_VIRTUAL_TOKEN = 1_073_000_000n * 10n ** 18n
/** Tokens sold on the curve. */
export const INITIAL_REAL_TOKEN = 793_100_000n * 10n ** 18n
/** Tokens kept for the Uniswap V2 pool. */
export const MIGRATION_TOKEN_AMOUNT = TOTAL_SUPPLY - INITIAL_REAL_TOKEN
/** Uniswap V2's locked first liquidity. */
export const MINIMUM_LIQUIDITY = 1000n

/** One curve's state, as `Launchpad.curve(token)` returns it. */
export type CurveState = {
  virtualEth: bigint
  virtualToken: bigint
  realEth: bigint
  realToken: bigint
  complete: boolean
}

/** A buy split as the contract splits it. */
export type BuyQuote = { tokensOut: bigint; ethIn: bigint; fee: bigint; refund: bigint }

const ceilDiv = (a: bigint, b: bigint, d: bigint) => (a * b + d - 1n) / d

/**
 * A fresh curve at pump.fun's parameters.
 *
 * @example
 * const curve = newCurve() // 30 ETH / 1,073,000,000 tokens virtual, 793,100,000 for sale
 */
export function newCurve(): CurveState {
  return {
    virtualEth: INITIAL_VIRTUAL_ETH,
    virtualToken: INITIAL_VIRTUAL_TOKEN,
    realEth: 0n,
    realToken: INITIAL_REAL_TOKEN,
    complete: false,
  }
}

/**
 * `BondingCurve.quoteBuy` to the wei: fee first (rounded up), tokens rounded down, capped at the tokens left
 * with the unused coin refunded.
 *
 * @example
 * const q = quoteBuy(newCurve(), 10n ** 18n, 100n)
 */
export function quoteBuy(c: CurveState, value: bigint, feeBps: bigint): BuyQuote {
  let fee = ceilDiv(value, feeBps, BPS)
  let ethIn = value - fee
  let tokensOut = c.virtualToken - ceilDiv(c.virtualEth, c.virtualToken, c.virtualEth + ethIn)
  let refund = 0n
  if (tokensOut >= c.realToken) {
    tokensOut = c.realToken
    ethIn = ceilDiv(c.virtualEth, c.virtualToken, c.virtualToken - tokensOut) - c.virtualEth
    fee = ceilDiv(ethIn, feeBps, BPS - feeBps)
    refund = value - ethIn - fee
  }
  return { tokensOut, ethIn, fee, refund }
}

/**
 * `BondingCurve.quoteSell`: gross wei out of the curve (rounded down) and the fee taken from it (rounded up).
 *
 * @example
 * const { ethOut, fee } = quoteSell(curve, 10n ** 24n, 100n)
 */
export function quoteSell(c: CurveState, tokensIn: bigint, feeBps: bigint): { ethOut: bigint; fee: bigint } {
  const ethOut = c.virtualEth - ceilDiv(c.virtualEth, c.virtualToken, c.virtualToken + tokensIn)
  return { ethOut, fee: ceilDiv(ethOut, feeBps, BPS) }
}

/**
 * Applies a trade to the curve in place (buy: `ethIn` in, `tokens` out; sell: the reverse).
 *
 * @example
 * applyTrade(curve, 'buy', q.ethIn, q.tokensOut)
 */
export function applyTrade(c: CurveState, side: 'buy' | 'sell', eth: bigint, tokens: bigint): void {
  const sign = side === 'buy' ? 1n : -1n
  c.virtualEth += sign * eth
  c.realEth += sign * eth
  c.virtualToken -= sign * tokens
  c.realToken -= sign * tokens
  if (c.realToken === 0n) c.complete = true
}

/**
 * Integer square root (floor), as Uniswap V2's `Math.sqrt` for the first liquidity.
 *
 * @example
 * sqrt(16n) // 4n
 */
export function sqrt(y: bigint): bigint {
  if (y < 4n) return y === 0n ? 0n : 1n
  let z = y
  let x = y / 2n + 1n
  while (x < z) {
    z = x
    x = (y / x + x) / 2n
  }
  return z
}
