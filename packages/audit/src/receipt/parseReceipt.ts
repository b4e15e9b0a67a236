import { decodeBase64 } from '../encoding/decodeBase64.ts'
import { decodeUtf8 } from '../encoding/decodeUtf8.ts'
import { parseDecimal } from '../encoding/parseDecimal.ts'
import { ProofError } from '../errors/AuditError.ts'
import { noteLimits } from '../note/noteLimits.ts'
import { parseNote } from '../note/parseNote.ts'
import type { Receipt } from './Receipt.ts'

const HEADER = 'c2sp.org/tlog-proof@v1'

/**
 * Parses c2sp.org/tlog-proof@v1 text strictly: the header line, an optional non-empty `extra <base64>` line,
 * `index <canonical decimal>`, at most 63 proof lines of base64 32-byte hashes, a blank line, then a
 * syntactically valid signed note (checked by `parseNote`, not verified: {@link verifyReceipt} does that).
 * Throws {@link ProofError}.
 *
 * @example
 * const { index, proof, checkpointNote } = parseReceipt(readFileSync('entry.tlog-proof'))
 */
export function parseReceipt(text: string | Uint8Array): Receipt {
  if ((typeof text === 'string' ? Buffer.byteLength(text) : text.length) > noteLimits.maxBytes + 8192)
    throw new ProofError('malformed tlog-proof', { details: 'too large' })
  const decoded = typeof text === 'string' ? text : decodeUtf8(text)
  if (decoded === undefined) throw new ProofError('malformed tlog-proof', { details: 'not valid UTF-8' })
  const split = decoded.indexOf('\n\n')
  if (split < 0)
    throw new ProofError('malformed tlog-proof', { details: 'no blank line before the checkpoint' })
  const lines = decoded.slice(0, split).split('\n')
  if (lines.shift() !== HEADER)
    throw new ProofError('malformed tlog-proof', { details: `first line must be ${HEADER}` })
  let extra: Uint8Array | undefined
  if (lines[0]?.startsWith('extra ')) {
    extra = decodeBase64(lines.shift()!.slice('extra '.length))
    if (!extra?.length)
      throw new ProofError('malformed tlog-proof', { details: 'extra is not non-empty base64' })
  }
  const indexLine = lines.shift() ?? ''
  const index = indexLine.startsWith('index ') ? parseDecimal(indexLine.slice('index '.length)) : undefined
  if (index === undefined)
    throw new ProofError('malformed tlog-proof', { details: 'expected "index <decimal>"' })
  if (lines.length > 63)
    throw new ProofError('malformed tlog-proof', { details: 'more than 63 proof hashes' })
  const proof = lines.map((line, i) => {
    const hash = decodeBase64(line)
    if (hash?.length !== 32)
      throw new ProofError('malformed tlog-proof', {
        details: `proof line ${i + 1} is not base64 of 32 bytes`,
      })
    return hash
  })
  const checkpointNote = decoded.slice(split + 2)
  try {
    parseNote(checkpointNote)
  } catch (cause) {
    throw new ProofError('malformed tlog-proof', { details: 'the checkpoint is not a signed note', cause })
  }
  return { ...(extra ? { extra } : {}), index, proof, checkpointNote }
}
