import { InvalidInputError } from '../errors/AuditError.ts'
import { MAX_ENTRY_SIZE } from './constants.ts'

/**
 * Encodes entries as a tlog-tiles entry bundle: each entry as a big-endian uint16 length, then its bytes.
 *
 * @example
 * encodeEntryBundle([new Uint8Array([7])]) // Uint8Array [0, 1, 7]
 */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  let length = 0
  for (const [i, entry] of entries.entries()) {
    if (entry.length > MAX_ENTRY_SIZE) {
      throw new InvalidInputError('entry too large for a bundle', {
        details: `entry ${i}: ${entry.length} bytes`,
      })
    }
    length += 2 + entry.length
  }
  const bundle = new Uint8Array(length)
  let at = 0
  for (const entry of entries) {
    bundle[at] = entry.length >> 8
    bundle[at + 1] = entry.length & 0xff
    bundle.set(entry, at + 2)
    at += 2 + entry.length
  }
  return bundle
}
