import { encodeBase64 } from '../encoding/encodeBase64.ts'
import { InvalidInputError } from '../errors/AuditError.ts'
import { parseNote } from '../note/parseNote.ts'
import type { Receipt } from './Receipt.ts'

/**
 * The c2sp.org/tlog-proof@v1 text of a receipt (store it with the `.tlog-proof` extension):
 * `c2sp.org/tlog-proof@v1`, an `extra <base64>` line when extra data is given (and non-empty), `index <n>`, one
 * base64 line per proof hash, a blank line, then the signed checkpoint. Throws {@link InvalidInputError}.
 *
 * @example
 * const text = formatReceipt({ index: 5, proof, checkpointNote })
 */
export function formatReceipt({ extra, index, proof, checkpointNote }: Receipt): string {
  if (!Number.isSafeInteger(index) || index < 0)
    throw new InvalidInputError('invalid entry index', { details: String(index) })
  if (proof.length > 63)
    throw new InvalidInputError('inclusion proof too long', { details: `${proof.length} hashes` })
  if (proof.some((hash) => hash.length !== 32))
    throw new InvalidInputError('inclusion proof hash is not 32 bytes')
  try {
    parseNote(checkpointNote)
  } catch (cause) {
    throw new InvalidInputError('checkpoint is not a signed note', { cause })
  }
  const lines = ['c2sp.org/tlog-proof@v1']
  if (extra !== undefined && extra.length > 0) lines.push(`extra ${encodeBase64(extra)}`)
  lines.push(`index ${index}`, ...proof.map(encodeBase64))
  return `${lines.join('\n')}\n\n${checkpointNote}`
}
