/**
 * `fraction` of `amount` (1 or more: all of it), to a millionth, rounded down: what a scripted "sell half"
 * or "pass it all on" moves.
 *
 * @example
 * fractionOf(1000n, 0.25) // 250n
 */
export function fractionOf(amount: bigint, fraction: number): bigint {
  return fraction >= 1 ? amount : (amount * BigInt(Math.round(fraction * 1_000_000))) / 1_000_000n
}
