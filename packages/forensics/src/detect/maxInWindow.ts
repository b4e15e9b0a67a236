/**
 * The largest number of values that fit in any window of `width` (inclusive) — how many wallets entered
 * together.
 *
 * @example
 * maxInWindow([1, 3, 4, 40], 3) // 3
 */
export function maxInWindow(values: readonly number[], width: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  let best = 0
  let start = 0
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! > width) start++
    best = Math.max(best, end - start + 1)
  }
  return best
}
