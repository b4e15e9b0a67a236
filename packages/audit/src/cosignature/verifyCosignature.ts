import { encodeUtf8 } from '../encoding/encodeUtf8.ts'
import { NoteError } from '../errors/AuditError.ts'
import { formatKeyId } from '../note/formatKeyId.ts'
import type { NoteSignature } from '../note/NoteSignature.ts'
import { parseSignatureLine } from '../note/parseSignatureLine.ts'
import type { CosignatureVerifier } from './CosignatureVerifier.ts'
import { cosignatureTimestamp } from './cosignatureTimestamp.ts'
import { parseCosignatureVerifierKey } from './parseCosignatureVerifierKey.ts'

/** Parameters of {@link verifyCosignature}. */
export type VerifyCosignatureParameters = {
  /** The checkpoint note text (without signatures), ending in a newline. */
  text: string
  /** The cosignature, parsed or as its signature line. */
  signature: NoteSignature | string
  /** The cosigner's key, parsed or as a verifier key string. */
  verifier: CosignatureVerifier | string
}

/** Return type of {@link verifyCosignature}. */
export type VerifyCosignatureReturnType = {
  /** The time the cosigner vouches for, in POSIX seconds. */
  timestamp: number
}

/**
 * Verifies one cosignature over a checkpoint text, e.g. a line of a witness's add-checkpoint response, and
 * returns its timestamp. Throws {@link NoteError} when the line is by another key or does not verify. To verify
 * a whole cosigned note, pass the verifiers to `openNote` or use `openCosignedCheckpoint`.
 *
 * @example
 * const { timestamp } = verifyCosignature({ text, signature: responseLine, verifier: witnessVerifierKey })
 */
export function verifyCosignature({
  text,
  signature,
  verifier,
}: VerifyCosignatureParameters): VerifyCosignatureReturnType {
  const parsed = typeof signature === 'string' ? parseSignatureLine(signature) : signature
  const key = typeof verifier === 'string' ? parseCosignatureVerifierKey(verifier) : verifier
  if (parsed.name !== key.name || parsed.keyId !== key.keyId)
    throw new NoteError('cosignature is by another key', {
      details: `got ${parsed.name}+${formatKeyId(parsed.keyId)}, want ${key.name}+${formatKeyId(key.keyId)}`,
    })
  const textBytes = encodeUtf8(text)
  if (textBytes === undefined || !key.verify(textBytes, parsed.signature))
    throw new NoteError('invalid cosignature', { details: `${key.name}+${formatKeyId(key.keyId)}` })
  return { timestamp: cosignatureTimestamp(parsed) }
}
