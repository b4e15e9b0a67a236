import { InvalidInputError } from '../errors/AuditError.ts'
import { trailingZeros } from './bits.ts'
import { storedHashIndex } from './storedHashIndex.ts'

/** Return type of {@link splitStoredHashIndex}: the tree level and the index within that level. */
export type SplitStoredHashIndexReturnType = { level: number; n: number }

/**
 * Inverse of {@link storedHashIndex}: the tree level and the index in that level of the hash stored at
 * `index` (as golang.org/x/mod/sumdb/tlog SplitStoredHashIndex).
 *
 * @example
 * splitStoredHashIndex(2) // { level: 1, n: 0 }  (the parent of leaves 0 and 1)
 */
export function splitStoredHashIndex(index: number): SplitStoredHashIndexReturnType {
  if (!Number.isSafeInteger(index) || index < 0) {
    throw new InvalidInputError('invalid storage index', { details: `${index}` })
  }
  // storedHashIndex(0, n) < 2n, so the record that stored `index` is in [index/2, index/2 + log2(index)].
  let n = Math.floor(index / 2)
  let indexN = storedHashIndex(0, n)
  for (;;) {
    const next = indexN + 1 + trailingZeros(n + 1)
    if (next > index) break
    n++
    indexN = next
  }
  const level = index - indexN
  return { level, n: Math.floor(n / 2 ** level) }
}
