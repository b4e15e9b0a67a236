/**
 * Number of trailing zero bits of a non-negative safe integer.
 * Plain arithmetic, since JavaScript bit operators truncate to 32 bits and tree sizes may exceed 2^32.
 *
 * @example
 * trailingZeros(8) // 3
 */
export function trailingZeros(x: number): number {
  if (x === 0) return 0
  let count = 0
  while (x % 2 === 0) {
    x /= 2
    count++
  }
  return count
}

/**
 * The largest power of two strictly below `n`, and its base-2 logarithm (`n` must be > 1).
 *
 * @example
 * maxPow2Below(5) // { k: 4, level: 2 }
 */
export function maxPow2Below(n: number): { k: number; level: number } {
  let level = 0
  let k = 1
  while (k * 2 < n) {
    k *= 2
    level++
  }
  return { k, level }
}
