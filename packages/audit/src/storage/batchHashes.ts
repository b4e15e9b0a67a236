import type { HashReader } from '../tree/HashReader.ts'
import { storedHashCount } from '../tree/storedHashCount.ts'
import { storedHashes } from '../tree/storedHashes.ts'
import { subtreeIndexes } from '../tree/subtrees.ts'

/** Parameters of {@link batchHashes}. */
export type BatchHashesParameters = {
  /** Size of the tree before the batch (read under the log's write lock). */
  size: number
  /** Leaf hashes of the batch's records, in order. */
  leafHashes: readonly Uint8Array[]
}

/**
 * The stored hashes a batch of records adds, in storage order from index `storedHashCount(size)`. Runs
 * {@link storedHashes} record by record over a reader that serves the batch's own hashes from memory and the
 * older ones from `reader`: the right edge of the tree (at most log2(size) hashes), fetched in one read.
 *
 * @example
 * const hashes = await batchHashes(databaseReader, { size, leafHashes })
 */
export async function batchHashes(
  reader: HashReader,
  { size, leafHashes }: BatchHashesParameters,
): Promise<Uint8Array[]> {
  const first = storedHashCount(size)
  const edge = subtreeIndexes(0, size, [])
  const older = new Map<number, Uint8Array>()
  const edgeHashes = edge.length > 0 ? await reader.readHashes(edge) : []
  for (const [i, index] of edge.entries()) older.set(index, edgeHashes[i]!)
  const out: Uint8Array[] = []
  const batchReader: HashReader = {
    async readHashes(indexes) {
      const missing = indexes.filter((i) => i < first && !older.has(i))
      if (missing.length > 0) {
        const read = await reader.readHashes(missing)
        for (const [i, index] of missing.entries()) older.set(index, read[i]!)
      }
      return indexes.map((i) => (i >= first ? out[i - first]! : older.get(i)!))
    },
  }
  for (let k = 0; k < leafHashes.length; k++) {
    for (const h of await storedHashes(batchReader, { index: size + k, leafHash: leafHashes[k]! }))
      out.push(h)
  }
  return out
}
