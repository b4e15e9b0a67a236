/**
 * A c2sp.org/tlog-proof@v1 proof (a "receipt", or transparent signature): the checkpoint a log signed (with any
 * cosignatures), the index of an entry and its RFC 6962 inclusion proof in that checkpoint's tree, and optional
 * unauthenticated extra data.
 *
 * @example
 * const receipt: Receipt = { index: 5, proof, checkpointNote }
 */
export type Receipt = {
  /** Opaque application data. NOT authenticated: never trust it without checking it some other way. */
  extra?: Uint8Array
  /** Zero-based index of the entry in the log. */
  index: number
  /** Inclusion proof hashes (32 bytes each), from the leaf's sibling up to the root's child. */
  proof: readonly Uint8Array[]
  /** The signed checkpoint note, verbatim. */
  checkpointNote: string
}
