/**
 * The body of a c2sp.org/tlog-witness `add-checkpoint` request: the size of the latest checkpoint the client
 * believes the witness cosigned, a consistency proof from it to the new checkpoint, and the new signed
 * checkpoint.
 *
 * @example
 * const request: AddCheckpointRequest = { oldSize: 0, consistencyProof: [], checkpointNote }
 */
export type AddCheckpointRequest = {
  /** Size of the previous checkpoint (0 for the first). */
  oldSize: number
  /** RFC 6962 consistency proof from `oldSize` to the new size; empty when `oldSize` is 0. At most 63 hashes. */
  consistencyProof: readonly Uint8Array[]
  /** The signed checkpoint; it may carry other signatures. */
  checkpointNote: string
}
