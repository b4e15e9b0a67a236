import { encodeBase64 } from '../encoding/encodeBase64.ts'
import { InvalidInputError } from '../errors/AuditError.ts'
import { parseNote } from '../note/parseNote.ts'
import type { AddCheckpointRequest } from './AddCheckpointRequest.ts'

/**
 * The c2sp.org/tlog-witness `add-checkpoint` request body: `old <size>`, one base64 line per consistency proof
 * hash, a blank line, then the signed checkpoint. Throws {@link InvalidInputError}.
 *
 * @example
 * await fetch(`${witnessUrl}/add-checkpoint`, { method: 'POST', body: formatAddCheckpointRequest(request) })
 */
export function formatAddCheckpointRequest({
  oldSize,
  consistencyProof,
  checkpointNote,
}: AddCheckpointRequest): string {
  if (!Number.isSafeInteger(oldSize) || oldSize < 0)
    throw new InvalidInputError('invalid old size', { details: String(oldSize) })
  if (consistencyProof.length > 63) throw new InvalidInputError('consistency proof has more than 63 hashes')
  if (consistencyProof.some((hash) => hash.length !== 32))
    throw new InvalidInputError('consistency proof hash is not 32 bytes')
  try {
    parseNote(checkpointNote)
  } catch (cause) {
    throw new InvalidInputError('checkpoint is not a signed note', { cause })
  }
  return `old ${oldSize}\n${consistencyProof.map((hash) => `${encodeBase64(hash)}\n`).join('')}\n${checkpointNote}`
}
