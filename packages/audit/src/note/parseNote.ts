import { decodeUtf8 } from '../encoding/decodeUtf8.ts'
import { NoteError } from '../errors/AuditError.ts'
import { hasForbiddenCharacter } from './hasForbiddenCharacter.ts'
import type { NoteSignature } from './NoteSignature.ts'
import { noteLimits } from './noteLimits.ts'
import { parseSignatureLine } from './parseSignatureLine.ts'

/** Return type of {@link parseNote}. */
export type ParseNoteReturnType = {
  /** The note text, including its final newline but not the blank line. NOT authenticated. */
  text: string
  /** Every signature line, in order, none verified. */
  signatures: NoteSignature[]
}

/**
 * Splits a c2sp.org/signed-note into its text and signature lines WITHOUT verifying anything: use
 * {@link openNote} to read a note, and this only to handle signatures (e.g. to add a cosignature). Rejects,
 * with {@link NoteError}, what golang.org/x/mod/sumdb/note rejects: invalid UTF-8, control characters other
 * than newline, no blank line before the signatures, signature lines that are not `— <name> <base64>` with at
 * least 5 bytes, invalid key names, more than {@link noteLimits}.maxSignatures signatures. Base64 must be canonical.
 *
 * @example
 * const { text, signatures } = parseNote('hello\n\n— example.com/log AAAAAQ…\n')
 */
export function parseNote(note: string | Uint8Array): ParseNoteReturnType {
  const size = typeof note === 'string' ? Buffer.byteLength(note) : note.length
  if (size > noteLimits.maxBytes)
    throw new NoteError('malformed note', { details: `larger than ${noteLimits.maxBytes} bytes` })
  const message = typeof note === 'string' ? note : decodeUtf8(note)
  if (message === undefined) throw new NoteError('malformed note', { details: 'not valid UTF-8' })
  if (hasForbiddenCharacter(message))
    throw new NoteError('malformed note', {
      details: 'control character other than newline, or invalid UTF-16',
    })
  const split = message.lastIndexOf('\n\n')
  if (split < 0) throw new NoteError('malformed note', { details: 'no blank line before the signatures' })
  const block = message.slice(split + 2)
  if (block === '' || !block.endsWith('\n'))
    throw new NoteError('malformed note', {
      details: 'signature block is empty or does not end in a newline',
    })
  const lines = block.slice(0, -1).split('\n')
  if (lines.length > noteLimits.maxSignatures)
    throw new NoteError('malformed note', { details: `more than ${noteLimits.maxSignatures} signatures` })
  const signatures = lines.map((line, index) => {
    try {
      return parseSignatureLine(line)
    } catch (cause) {
      throw new NoteError('malformed note', {
        details: `signature line ${index + 1} is not "— <name> <base64>"`,
        cause,
      })
    }
  })
  return { text: message.slice(0, split + 1), signatures }
}
