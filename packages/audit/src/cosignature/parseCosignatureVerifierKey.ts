import { InvalidInputError } from '../errors/AuditError.ts'
import { splitVerifierKey } from '../note/splitVerifierKey.ts'
import type { CosignatureVerifier } from './CosignatureVerifier.ts'
import { cosignatureAlgorithmOf } from './cosignatureAlgorithmOf.ts'
import { createCosignatureVerifier } from './createCosignatureVerifier.ts'

/**
 * Parses a cosigner verifier key (vkey) `<name>+<hex id>+<base64(type || public key)>` with type 0x04
 * (Ed25519) or 0x06 (ML-DSA-44) into a {@link CosignatureVerifier}. Throws {@link InvalidInputError}.
 *
 * @example
 * const witness = parseCosignatureVerifierKey('witness.example/w1+1c4a9b2e+BMx…')
 */
export function parseCosignatureVerifierKey(verifierKey: string): CosignatureVerifier {
  const { name, signatureType, publicKey } = splitVerifierKey(verifierKey)
  const algorithm = cosignatureAlgorithmOf(signatureType)
  if (algorithm === undefined)
    throw new InvalidInputError('not a cosigner key', {
      details: `type 0x${signatureType.toString(16).padStart(2, '0')} in ${name}; cosigner keys are 0x04 or 0x06`,
    })
  return createCosignatureVerifier({ name, algorithm, publicKey })
}
