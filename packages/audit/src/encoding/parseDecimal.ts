const CANONICAL_DECIMAL = /^(?:0|[1-9][0-9]{0,15})$/

/**
 * Parses a canonical ASCII decimal (no sign, no leading zeroes, `0` for zero) that fits a safe integer, the
 * spelling C2SP formats use for sizes, indexes and timestamps; anything else gives `undefined`.
 *
 * @example
 * parseDecimal('20852163') // 20852163
 * parseDecimal('007') // undefined
 */
export function parseDecimal(text: string): number | undefined {
  if (!CANONICAL_DECIMAL.test(text)) return undefined
  const value = Number(text)
  return Number.isSafeInteger(value) ? value : undefined
}
