import { NoteError } from '../errors/AuditError.ts'
import type { NoteSignature } from '../note/NoteSignature.ts'

/**
 * The timestamp (POSIX seconds) a cosignature claims: the first 8 bytes, big-endian, of its signature bytes.
 * Read it only from a verified cosignature. Throws {@link NoteError} for fewer than 8 bytes or a value above
 * 2^53 - 1.
 *
 * @example
 * const seconds = cosignatureTimestamp(opened.verifiedSignatures[1]!)
 */
export function cosignatureTimestamp({ signature }: NoteSignature): number {
  if (signature.length < 8) throw new NoteError('cosignature too short for a timestamp')
  const timestamp = new DataView(signature.buffer, signature.byteOffset, 8).getBigUint64(0)
  if (timestamp > BigInt(Number.MAX_SAFE_INTEGER))
    throw new NoteError('cosignature timestamp out of range', { details: String(timestamp) })
  return Number(timestamp)
}
