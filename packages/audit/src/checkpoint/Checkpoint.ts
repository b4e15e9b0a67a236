/**
 * A c2sp.org/tlog-checkpoint body: the log's origin, tree size and RFC 6962 root hash, plus optional extension
 * lines (opaque, NOT RECOMMENDED by the spec, and not covered by ML-DSA-44 cosignatures).
 *
 * @example
 * const checkpoint: Checkpoint = { origin: 'example.com/log', size: 8, rootHash }
 */
export type Checkpoint = {
  /** Log identity, e.g. `example.com/log`: non-empty, at most 255 UTF-8 bytes, no control characters. */
  origin: string
  /** Number of leaves. */
  size: number
  /** 32-byte RFC 6962 root hash of the tree of `size` leaves. */
  rootHash: Uint8Array
  /** Extension lines, each non-empty, without their newline. */
  extensions?: readonly string[]
}
