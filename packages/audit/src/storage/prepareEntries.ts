import { InvalidInputError } from '../errors/AuditError.ts'
import { hashLeaf } from '../tree/hashLeaf.ts'
import type { NewEntry } from './LogStorage.ts'

/** What {@link prepareEntries} returns: private copies of the entries, with their leaf hashes. */
export type PrepareEntriesReturnType = {
  datas: Uint8Array[]
  leafHashes: Uint8Array[]
  /** Positions in the batch of the entries that carry a secret, and those secrets. */
  secretOffsets: number[]
  secrets: Uint8Array[]
}

/**
 * Validates a batch for {@link LogStorage.appendEntries} and copies it, so that the bytes hashed are the bytes
 * stored even if the caller mutates its arrays meanwhile. Throws {@link InvalidInputError} (naming the first bad
 * entry) on an empty batch, on data that is not a non-empty Uint8Array, or on a secret that is not one.
 *
 * @example
 * const { datas, leafHashes } = prepareEntries([{ data: bytes }])
 */
export function prepareEntries(entries: ReadonlyArray<NewEntry>): PrepareEntriesReturnType {
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new InvalidInputError('no entries to append', { details: 'appendEntries needs a non-empty array' })
  }
  const prepared: PrepareEntriesReturnType = { datas: [], leafHashes: [], secretOffsets: [], secrets: [] }
  entries.forEach((entry, i) => {
    const { data, secret } = (entry ?? {}) as Partial<NewEntry>
    if (!(data instanceof Uint8Array) || data.length === 0) {
      throw new InvalidInputError('entry data must be a non-empty Uint8Array', { details: `entry ${i}` })
    }
    if (secret !== undefined && (!(secret instanceof Uint8Array) || secret.length === 0)) {
      throw new InvalidInputError('entry secret must be a non-empty Uint8Array', { details: `entry ${i}` })
    }
    const copy = data.slice()
    prepared.datas.push(copy)
    prepared.leafHashes.push(hashLeaf(copy))
    if (secret !== undefined) {
      prepared.secretOffsets.push(i)
      prepared.secrets.push(secret.slice())
    }
  })
  return prepared
}
