import { InvalidInputError } from '../errors/AuditError.ts'
import { formatKeyId } from './formatKeyId.ts'
import { formatSignatureLine } from './formatSignatureLine.ts'
import { hasForbiddenCharacter } from './hasForbiddenCharacter.ts'
import { isValidKeyName } from './isValidKeyName.ts'
import type { NoteSignature } from './NoteSignature.ts'
import type { NoteSigner } from './NoteSigner.ts'
import { noteLimits } from './noteLimits.ts'

/** Parameters of {@link signNote}. */
export type SignNoteParameters = {
  /** Note text: ends in a newline, no other control characters. */
  text: string
  /** Keys to sign with; at most one per (name, key ID). */
  signers: readonly NoteSigner[]
  /** Signatures the note already carries (e.g. from {@link parseNote}), kept unless a signer has their key. */
  signatures?: readonly NoteSignature[]
}

/**
 * Signs a note text and returns the signed note: the text, a blank line, then the existing `signatures` followed
 * by one new line per signer, like golang.org/x/mod/sumdb/note's `Sign` (an existing signature by the key of a
 * new signer is replaced). Throws {@link InvalidInputError}; nothing is signed if any input is invalid.
 *
 * @example
 * const note = signNote({ text: 'example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n', signers: [signer] })
 */
export function signNote({ text, signers, signatures = [] }: SignNoteParameters): string {
  if (!text.endsWith('\n')) throw new InvalidInputError('note text must end in a newline')
  if (hasForbiddenCharacter(text))
    throw new InvalidInputError('note text holds a control character other than newline, or invalid UTF-16')
  const keys = new Set<string>()
  for (const signer of signers) {
    const key = `${signer.name}\n${signer.keyId}`
    if (!isValidKeyName(signer.name) || keys.has(key))
      throw new InvalidInputError('invalid or duplicate signer', {
        details: `${signer.name}+${formatKeyId(signer.keyId)}`,
      })
    keys.add(key)
  }
  const kept = signatures.filter((signature) => !keys.has(`${signature.name}\n${signature.keyId}`))
  for (const signature of kept)
    if (!isValidKeyName(signature.name) || signature.signature.length === 0)
      throw new InvalidInputError('invalid existing signature', { details: JSON.stringify(signature.name) })
  if (kept.length + signers.length > noteLimits.maxSignatures)
    throw new InvalidInputError('too many signatures', { details: `limit ${noteLimits.maxSignatures}` })
  const textBytes = new TextEncoder().encode(text)
  const added = signers.map(({ name, keyId, sign }) => ({ name, keyId, signature: sign(textBytes) }))
  for (const signature of added)
    if (signature.signature.length === 0)
      throw new InvalidInputError('signer returned an empty signature', { details: signature.name })
  return `${text}\n${[...kept, ...added].map(formatSignatureLine).join('')}`
}
