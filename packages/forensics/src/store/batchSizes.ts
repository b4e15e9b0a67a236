/**
 * How a commit's rows are split into multi-row statements: full batches of `max` rows, then the rest in
 * power-of-two batches, so a store prepares at most log2(max) + 1 statements whatever the commit sizes.
 *
 * @example
 * batchSizes(2500, 1024) // [1024, 1024, 256, 128, 64, 4]
 */
export function batchSizes(rows: number, max: number): number[] {
  const sizes: number[] = []
  let left = rows
  for (; left >= max; left -= max) sizes.push(max)
  for (let size = max >> 1; size >= 1; size >>= 1) {
    if (left >= size) {
      sizes.push(size)
      left -= size
    }
  }
  return sizes
}
