import { storedHashIndex } from './storedHashIndex.ts'

/**
 * Number of hashes stored for a tree of `size` records (see {@link storedHashIndex}).
 *
 * @example
 * storedHashCount(2) // 3
 */
export function storedHashCount(size: number): number {
  if (size === 0) return 0
  let count = storedHashIndex(0, size - 1) + 1
  for (let i = size - 1; i % 2 === 1; i = (i - 1) / 2) count++
  return count
}
