import { emptyRoot } from './emptyRoot.ts'
import type { HashReader } from './HashReader.ts'
import { subtreeHash, subtreeIndexes } from './subtrees.ts'

/**
 * RFC 6962 root hash of the first `size` records, from stored hashes (at most log2(size) reads).
 *
 * @example
 * const root = await treeHash(reader, { size: 1000 })
 */
export async function treeHash(reader: HashReader, { size }: { size: number }): Promise<Uint8Array> {
  if (size === 0) return emptyRoot()
  const hashes = await reader.readHashes(subtreeIndexes(0, size, []))
  return subtreeHash(0, size, hashes).hash
}
