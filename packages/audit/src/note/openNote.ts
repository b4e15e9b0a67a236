import { encodeBase64 } from '../encoding/encodeBase64.ts'
import { InvalidInputError, NoteError } from '../errors/AuditError.ts'
import { formatKeyId } from './formatKeyId.ts'
import type { NoteSignature } from './NoteSignature.ts'
import type { NoteVerifier } from './NoteVerifier.ts'
import { parseNote } from './parseNote.ts'

/** Parameters of {@link openNote}. */
export type OpenNoteParameters = {
  /** The signed note, as text or UTF-8 bytes. */
  note: string | Uint8Array
  /** The trusted keys. At most one per (name, key ID). */
  verifiers: readonly NoteVerifier[]
}

/** Return type of {@link openNote}. */
export type OpenNoteReturnType = {
  /** The authenticated note text, including its final newline. */
  text: string
  /** Signatures by trusted keys, all verified: one per key, in note order. */
  verifiedSignatures: NoteSignature[]
  /** Signatures by keys not in `verifiers`, ignored as the spec requires (e.g. cosignatures nobody asked for). */
  unverifiedSignatures: NoteSignature[]
}

/**
 * Opens a c2sp.org/signed-note: parses it (see {@link parseNote}) and verifies every signature whose key name
 * and key ID both match a trusted verifier. Signatures from unknown keys are ignored, even when they share a name
 * or an ID with a trusted key. A trusted key's signature that fails to verify rejects the whole note, and so does
 * a note with no verified signature. Throws {@link NoteError}, or {@link InvalidInputError} for two verifiers
 * with the same name and key ID.
 *
 * @example
 * const { text } = openNote({ note, verifiers: [parseVerifierKey(logVerifierKey)] })
 */
export function openNote({ note, verifiers }: OpenNoteParameters): OpenNoteReturnType {
  const byKey = new Map<string, NoteVerifier>()
  for (const verifier of verifiers) {
    const key = `${verifier.name}\n${verifier.keyId}`
    if (byKey.has(key))
      throw new InvalidInputError('ambiguous verifiers', {
        details: `two verifiers for ${verifier.name}+${formatKeyId(verifier.keyId)}`,
      })
    byKey.set(key, verifier)
  }
  const { text, signatures } = parseNote(note)
  const textBytes = new TextEncoder().encode(text)
  const verified = new Map<string, NoteSignature>()
  const unverified = new Map<string, NoteSignature>()
  for (const signature of signatures) {
    const key = `${signature.name}\n${signature.keyId}`
    const verifier = byKey.get(key)
    if (verifier === undefined) {
      unverified.set(`${signature.name} ${encodeBase64(signature.signature)} ${signature.keyId}`, signature)
      continue
    }
    if (!verifier.verify(textBytes, signature.signature))
      throw new NoteError('invalid note signature', {
        details: `signature by ${signature.name}+${formatKeyId(signature.keyId)} does not verify`,
      })
    if (!verified.has(key)) verified.set(key, signature)
  }
  if (verified.size === 0)
    throw new NoteError('note has no verified signature', {
      details: `${signatures.length} signature(s), none by the ${verifiers.length} trusted key(s)`,
    })
  return { text, verifiedSignatures: [...verified.values()], unverifiedSignatures: [...unverified.values()] }
}
