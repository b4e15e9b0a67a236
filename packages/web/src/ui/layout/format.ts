/**
 * Shortens a long hex string or address for tables: `0x1234…abcd`.
 *
 * @example
 * short('0x1234567890abcdef1234') // '0x1234…1234'
 */
export function short(value: string, keep = 4): string {
  return value.length > 2 * keep + 4 ? `${value.slice(0, keep + 2)}…${value.slice(-keep)}` : value
}

/**
 * A time as HH:MM:SS (local), for feeds.
 *
 * @example
 * clock(Date.now()) // '17:42:03'
 */
export function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour12: false })
}

/**
 * A wei amount (decimal string) in ether, at most 4 decimals.
 *
 * @example
 * ether('500000000000000000') // '0.5'
 */
export function ether(wei: string): string {
  const value = Number(BigInt(wei)) / 1e18
  return String(Number(value.toFixed(4)))
}
