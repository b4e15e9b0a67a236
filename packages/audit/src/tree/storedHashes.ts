import { trailingZeros } from './bits.ts'
import type { HashReader } from './HashReader.ts'
import { hashChildren } from './hashChildren.ts'
import { storedHashIndex } from './storedHashIndex.ts'

/** Parameters of {@link storedHashes}. */
export type StoredHashesParameters = {
  /** Index of the record being appended (the tree holds `index` records before it). */
  index: number
  /** The record's RFC 6962 leaf hash. */
  leafHash: Uint8Array
}

/**
 * The hashes to append to storage when record `index` is added: its leaf hash, then one hash for each complete
 * subtree the record closes. They go at storage indexes `storedHashCount(index)` onwards.
 *
 * @example
 * const hashes = await storedHashes(reader, { index: 1, leafHash }) // [leafHash, parentOf0and1]
 */
export async function storedHashes(
  reader: HashReader,
  { index, leafHash }: StoredHashesParameters,
): Promise<Uint8Array[]> {
  const closes = trailingZeros(index + 1)
  const indexes: number[] = []
  for (let i = closes - 1; i >= 0; i--) indexes.push(storedHashIndex(i, Math.floor(index / 2 ** i) - 1))
  const siblings = closes > 0 ? await reader.readHashes(indexes) : []
  const out = [leafHash]
  let h = leafHash
  for (let i = 0; i < closes; i++) {
    h = hashChildren(siblings[closes - 1 - i]!, h)
    out.push(h)
  }
  return out
}
