import { decodeBase64 } from '../encoding/decodeBase64.ts'
import { parseDecimal } from '../encoding/parseDecimal.ts'
import { NoteError } from '../errors/AuditError.ts'
import { hasForbiddenCharacter } from '../note/hasForbiddenCharacter.ts'
import type { Checkpoint } from './Checkpoint.ts'
import { isValidOrigin } from './isValidOrigin.ts'

/** Return type of {@link parseCheckpoint}: a {@link Checkpoint} whose `extensions` is always present. */
export type ParseCheckpointReturnType = Checkpoint & { extensions: string[] }

/**
 * Parses a c2sp.org/tlog-checkpoint note text (signatures already stripped, e.g. by {@link openNote}) strictly:
 * at least three newline-terminated lines; a valid origin; a canonical decimal size (no leading zeroes, a safe
 * integer); a canonical standard-base64 32-byte root hash; non-empty extension lines. Throws {@link NoteError}.
 * The text is only as trustworthy as the note it came from.
 *
 * @example
 * const { origin, size, rootHash } = parseCheckpoint(openNote({ note, verifiers }).text)
 */
export function parseCheckpoint(text: string): ParseCheckpointReturnType {
  if (!text.endsWith('\n') || hasForbiddenCharacter(text))
    throw new NoteError('malformed checkpoint', { details: 'must be newline-terminated lines of text' })
  const [origin = '', sizeLine = '', rootLine, ...extensions] = text.slice(0, -1).split('\n')
  if (rootLine === undefined)
    throw new NoteError('malformed checkpoint', { details: 'fewer than three lines' })
  if (!isValidOrigin(origin)) throw new NoteError('malformed checkpoint', { details: 'invalid origin line' })
  const size = parseDecimal(sizeLine)
  if (size === undefined)
    throw new NoteError('malformed checkpoint', {
      details: `tree size ${JSON.stringify(sizeLine)} is not canonical`,
    })
  const rootHash = decodeBase64(rootLine)
  if (rootHash?.length !== 32)
    throw new NoteError('malformed checkpoint', { details: 'root hash is not base64 of 32 bytes' })
  if (extensions.includes(''))
    throw new NoteError('malformed checkpoint', { details: 'empty extension line' })
  return { origin, size, rootHash, extensions }
}
