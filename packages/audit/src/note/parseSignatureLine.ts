import { decodeBase64 } from '../encoding/decodeBase64.ts'
import { NoteError } from '../errors/AuditError.ts'
import { isValidKeyName } from './isValidKeyName.ts'
import type { NoteSignature } from './NoteSignature.ts'

const PREFIX = '— '

/**
 * Parses one signature line `— <name> <base64(keyId || signature)>` (the final newline is optional), e.g. a line
 * of a witness's add-checkpoint response. The base64 must be canonical and hold at least 5 bytes. Throws
 * {@link NoteError}.
 *
 * @example
 * const { name, keyId, signature } = parseSignatureLine('— witness.example/w1 jWbPPwAAAABk…\n')
 */
export function parseSignatureLine(line: string): NoteSignature {
  const body = line.startsWith(PREFIX) ? line.slice(PREFIX.length).replace(/\n$/, '') : ''
  const space = body.indexOf(' ')
  const name = space < 0 ? '' : body.slice(0, space)
  const bytes = space < 0 ? undefined : decodeBase64(body.slice(space + 1))
  if (!isValidKeyName(name) || bytes === undefined || bytes.length < 5)
    throw new NoteError('malformed signature line', { details: 'expected "— <name> <base64>"' })
  const keyId = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0)
  return { name, keyId, signature: bytes.subarray(4) }
}
