import { emptyRoot } from './emptyRoot.ts'
import { hashChildren } from './hashChildren.ts'

/** A complete subtree hash the range has just closed: `2^level` leaves starting at leaf `index * 2^level`. */
export type CompactRangeNode = { level: number; index: number; hash: Uint8Array }

/** Parameters of {@link createCompactRange}. */
export type CreateCompactRangeParameters = {
  /** Called for every complete subtree as it closes (leaves included), in closing order. */
  onNode?: (node: CompactRangeNode) => void
}

/** An RFC 6962 compact range over [0, size): the right-edge subtree hashes, at most log2(size) of them. */
export type CompactRange = {
  /** Number of leaves appended so far. */
  readonly size: number
  /** Appends the next leaf hash, closing and reporting the complete subtrees it finishes. */
  append(leafHash: Uint8Array): void
  /** Root hash of the leaves appended so far. */
  root(): Uint8Array
}

/**
 * Creates an empty compact range ("Merkle frontier"): it folds a stream of leaf hashes into the tree root while
 * holding only O(log n) hashes, so a whole log can be checked bundle by bundle.
 *
 * @example
 * const range = createCompactRange()
 * for (const entry of entries) range.append(hashLeaf(entry))
 * const root = range.root()
 */
export function createCompactRange({ onNode }: CreateCompactRangeParameters = {}): CompactRange {
  const hashes: Uint8Array[] = []
  const levels: number[] = []
  let size = 0
  return {
    get size() {
      return size
    },
    append(leafHash) {
      let hash = leafHash
      let level = 0
      let index = size
      onNode?.({ level, index, hash })
      while (levels.length > 0 && levels[levels.length - 1] === level) {
        levels.pop()
        hash = hashChildren(hashes.pop()!, hash)
        level++
        index = Math.floor(index / 2)
        onNode?.({ level, index, hash })
      }
      hashes.push(hash)
      levels.push(level)
      size++
    },
    root() {
      if (hashes.length === 0) return emptyRoot()
      let hash = hashes[hashes.length - 1]!
      for (let i = hashes.length - 2; i >= 0; i--) hash = hashChildren(hashes[i]!, hash)
      return hash
    },
  }
}
