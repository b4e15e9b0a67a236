import { InvalidInputError } from '../errors/AuditError.ts'
import type { NoteVerifier } from '../note/NoteVerifier.ts'
import { parseVerifierKey } from '../note/parseVerifierKey.ts'
import { splitVerifierKey } from '../note/splitVerifierKey.ts'
import { cosignatureAlgorithmOf } from './cosignatureAlgorithmOf.ts'
import { parseCosignatureVerifierKey } from './parseCosignatureVerifierKey.ts'

/**
 * Parses a log's verifier key of any type a log may sign checkpoints with: Ed25519 note signatures (0x01), or
 * the cosignature types c2sp.org/tlog-checkpoint also allows logs to use (0x04 Ed25519, 0x06 ML-DSA-44, the
 * latter recommended). Throws {@link InvalidInputError}.
 *
 * @example
 * openCheckpoint({ note, verifiers: [parseLogVerifierKey(logVerifierKey)] })
 */
export function parseLogVerifierKey(verifierKey: string): NoteVerifier {
  const { signatureType } = splitVerifierKey(verifierKey)
  if (signatureType === 0x01) return parseVerifierKey(verifierKey)
  if (cosignatureAlgorithmOf(signatureType)) return parseCosignatureVerifierKey(verifierKey)
  throw new InvalidInputError('unsupported log key type', {
    details: `type 0x${signatureType.toString(16).padStart(2, '0')}; supported: 0x01, 0x04, 0x06`,
  })
}
