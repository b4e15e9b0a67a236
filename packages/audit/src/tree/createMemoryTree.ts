import { InvalidInputError } from '../errors/AuditError.ts'
import type { HashReader } from './HashReader.ts'
import { storedHashes } from './storedHashes.ts'

/** An in-memory RFC 6962 tree in the stored-hash layout: for verifiers, monitors and tests. */
export type MemoryTree = HashReader & {
  /** Number of records. */
  readonly size: number
  /** Appends a record by its leaf hash and returns its index. */
  append(leafHash: Uint8Array): Promise<number>
}

/**
 * Creates an empty in-memory tree.
 *
 * @example
 * const tree = createMemoryTree()
 * await tree.append(hashLeaf(data))
 * const root = await treeHash(tree, { size: tree.size })
 */
export function createMemoryTree(): MemoryTree {
  const hashes: Uint8Array[] = []
  let size = 0
  const tree: MemoryTree = {
    get size() {
      return size
    },
    async readHashes(indexes) {
      return indexes.map((i) => {
        const h = hashes[i]
        if (!h) throw new InvalidInputError('hash not stored', { details: `storage index ${i}` })
        return h
      })
    },
    async append(leafHash) {
      const index = size
      hashes.push(...(await storedHashes(tree, { index, leafHash })))
      size++
      return index
    },
  }
  return tree
}
