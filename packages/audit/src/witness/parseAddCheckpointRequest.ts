import { decodeBase64 } from '../encoding/decodeBase64.ts'
import { decodeUtf8 } from '../encoding/decodeUtf8.ts'
import { parseDecimal } from '../encoding/parseDecimal.ts'
import { InvalidInputError } from '../errors/AuditError.ts'
import { noteLimits } from '../note/noteLimits.ts'
import { parseNote } from '../note/parseNote.ts'
import type { AddCheckpointRequest } from './AddCheckpointRequest.ts'

/**
 * Parses a c2sp.org/tlog-witness `add-checkpoint` request body strictly: `old <canonical decimal>`, at most 63
 * lines of base64 32-byte hashes, a blank line, then a syntactically valid signed note (not verified here).
 * Throws {@link InvalidInputError} (HTTP 400).
 *
 * @example
 * const request = parseAddCheckpointRequest(await req.arrayBuffer().then((b) => new Uint8Array(b)))
 */
export function parseAddCheckpointRequest(body: string | Uint8Array): AddCheckpointRequest {
  if ((typeof body === 'string' ? Buffer.byteLength(body) : body.length) > noteLimits.maxBytes + 4096)
    throw new InvalidInputError('malformed add-checkpoint request', { details: 'too large' })
  const text = typeof body === 'string' ? body : decodeUtf8(body)
  if (text === undefined)
    throw new InvalidInputError('malformed add-checkpoint request', { details: 'not valid UTF-8' })
  const split = text.indexOf('\n\n')
  if (split < 0) throw new InvalidInputError('malformed add-checkpoint request', { details: 'no blank line' })
  const [oldLine = '', ...proofLines] = text.slice(0, split).split('\n')
  const oldSize = oldLine.startsWith('old ') ? parseDecimal(oldLine.slice('old '.length)) : undefined
  if (oldSize === undefined)
    throw new InvalidInputError('malformed add-checkpoint request', { details: 'expected "old <decimal>"' })
  if (proofLines.length > 63)
    throw new InvalidInputError('malformed add-checkpoint request', { details: 'more than 63 proof hashes' })
  const consistencyProof = proofLines.map((line, i) => {
    const hash = decodeBase64(line)
    if (hash?.length !== 32)
      throw new InvalidInputError('malformed add-checkpoint request', {
        details: `proof line ${i + 1} is not base64 of 32 bytes`,
      })
    return hash
  })
  const checkpointNote = text.slice(split + 2)
  try {
    parseNote(checkpointNote)
  } catch (cause) {
    throw new InvalidInputError('malformed add-checkpoint request', {
      details: 'checkpoint is not a signed note',
      cause,
    })
  }
  return { oldSize, consistencyProof, checkpointNote }
}
