import { NoteError } from '../errors/AuditError.ts'
import type { NoteVerifier } from '../note/NoteVerifier.ts'
import { type OpenNoteReturnType, openNote } from '../note/openNote.ts'
import { type ParseCheckpointReturnType, parseCheckpoint } from './parseCheckpoint.ts'

/** Parameters of {@link openCheckpoint}. */
export type OpenCheckpointParameters = {
  /** The signed checkpoint note. */
  note: string | Uint8Array
  /** The log's trusted key(s); at least one must have signed. */
  verifiers: readonly NoteVerifier[]
  /** The origin the checkpoint must carry; checked when given. */
  origin?: string
}

/** Return type of {@link openCheckpoint}. */
export type OpenCheckpointReturnType = OpenNoteReturnType & { checkpoint: ParseCheckpointReturnType }

/**
 * Verifies a signed checkpoint (see {@link openNote}) and parses its text (see {@link parseCheckpoint}).
 * Signatures by other keys, such as witness cosignatures, are ignored and returned as unverified. Throws
 * {@link NoteError}.
 *
 * @example
 * const { checkpoint } = openCheckpoint({ note, verifiers: [parseVerifierKey(logVerifierKey)], origin: 'example.com/log' })
 */
export function openCheckpoint({
  note,
  verifiers,
  origin,
}: OpenCheckpointParameters): OpenCheckpointReturnType {
  const opened = openNote({ note, verifiers })
  const checkpoint = parseCheckpoint(opened.text)
  if (origin !== undefined && checkpoint.origin !== origin)
    throw new NoteError('checkpoint origin mismatch', {
      details: `got ${JSON.stringify(checkpoint.origin)}, want ${JSON.stringify(origin)}`,
    })
  return { ...opened, checkpoint }
}
