/**
 * Storage index of the hash at `level` with index `n` in that level, in the append-only layout of
 * golang.org/x/mod/sumdb/tlog: record n's leaf hash is followed by the hashes of the complete subtrees it closes.
 * Storing hashes in this order makes every write an append, and every complete subtree addressable.
 *
 * @example
 * storedHashIndex(0, 2) // 3  (leaves 0,1 then their parent take indexes 0,1,2)
 */
export function storedHashIndex(level: number, n: number): number {
  let m = n
  for (let l = level; l > 0; l--) m = 2 * m + 1
  let index = 0
  for (; m > 0; m = Math.floor(m / 2)) index += m
  return index + level
}
