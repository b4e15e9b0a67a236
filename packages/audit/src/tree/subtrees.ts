import { maxPow2Below } from './bits.ts'
import { hashChildren } from './hashChildren.ts'
import { storedHashIndex } from './storedHashIndex.ts'

/**
 * Storage indexes of the complete subtrees that cover records [lo, hi), largest first, appended to `need`.
 *
 * @example
 * subtreeIndexes(0, 3, []) // [index of (level 1, 0), index of (level 0, 2)]
 */
export function subtreeIndexes(lo: number, hi: number, need: number[]): number[] {
  while (lo < hi) {
    const { k, level } = maxPow2Below(hi - lo + 1)
    need.push(storedHashIndex(level, lo / k))
    lo += k
  }
  return need
}

/**
 * Folds the complete-subtree hashes read for [lo, hi) (in {@link subtreeIndexes} order) into the hash of that
 * range, consuming them from the front of `hashes`.
 *
 * @example
 * const { hash, rest } = subtreeHash(0, 3, hashes)
 */
export function subtreeHash(
  lo: number,
  hi: number,
  hashes: Uint8Array[],
): { hash: Uint8Array; rest: Uint8Array[] } {
  let count = 0
  for (let at = lo; at < hi; count++) at += maxPow2Below(hi - at + 1).k
  let hash = hashes[count - 1]!
  for (let i = count - 2; i >= 0; i--) hash = hashChildren(hashes[i]!, hash)
  return { hash, rest: hashes.slice(count) }
}
