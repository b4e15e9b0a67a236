import type { NoteSigner } from './NoteSigner.ts'
import { parseNote } from './parseNote.ts'
import { signNote } from './signNote.ts'

/** Parameters of {@link addNoteSignatures}. */
export type AddNoteSignaturesParameters = {
  /** A signed note. */
  note: string | Uint8Array
  /** Keys that add their signature. */
  signers: readonly NoteSigner[]
}

/**
 * Adds signatures to a signed note, keeping the ones it carries (a signer's own earlier signature is replaced).
 * It checks the note's syntax but verifies nothing: open the note with {@link openNote} first when the text must
 * be trusted before signing it. Throws {@link NoteError} for a malformed note, {@link InvalidInputError} for bad
 * signers.
 *
 * @example
 * const cosigned = addNoteSignatures({ note, signers: [mirrorSigner] })
 */
export function addNoteSignatures({ note, signers }: AddNoteSignaturesParameters): string {
  const { text, signatures } = parseNote(note)
  return signNote({ text, signers, signatures })
}
