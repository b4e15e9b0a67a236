import { InvalidInputError } from '../errors/AuditError.ts'
import type { NoteVerifier } from './NoteVerifier.ts'
import { splitVerifierKey } from './splitVerifierKey.ts'
import { verifyEd25519 } from './verifyEd25519.ts'

/**
 * Parses an Ed25519 (type 0x01) verifier key `<name>+<hex id>+<base64(0x01 || 32-byte public key)>` into a
 * {@link NoteVerifier}. Cosigner keys (types 0x04, 0x06) go to `parseCosignatureVerifierKey`, and a log key of
 * any of these types to `parseLogVerifierKey`. Throws {@link InvalidInputError}.
 *
 * @example
 * const verifier = parseVerifierKey('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')
 * openNote({ note, verifiers: [verifier] })
 */
export function parseVerifierKey(verifierKey: string): NoteVerifier {
  const { name, keyId, signatureType, publicKey } = splitVerifierKey(verifierKey)
  if (signatureType !== 0x01)
    throw new InvalidInputError('unsupported verifier key type', {
      details: `type 0x${signatureType.toString(16).padStart(2, '0')} in ${name}; only Ed25519 (0x01) here`,
    })
  if (publicKey.length !== 32)
    throw new InvalidInputError('malformed verifier key', { details: 'Ed25519 public key is not 32 bytes' })
  const key = publicKey.slice()
  return {
    name,
    keyId,
    verify: (text, signature) => verifyEd25519({ publicKey: key, message: text, signature }),
  }
}
