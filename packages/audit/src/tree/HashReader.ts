/**
 * Reads stored tree hashes by their storage index (see {@link storedHashIndex}). Implemented by each storage
 * backend; the tree code asks for all the hashes one operation needs in a single call.
 *
 * @example
 * const reader: HashReader = { readHashes: async (indexes) => indexes.map((i) => memory[i]!) }
 */
export type HashReader = {
  readHashes(indexes: readonly number[]): Promise<Uint8Array[]>
}
