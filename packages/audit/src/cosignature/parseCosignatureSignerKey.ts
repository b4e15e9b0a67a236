import { InvalidInputError } from '../errors/AuditError.ts'
import { splitSignerKey } from '../note/splitSignerKey.ts'
import type { CosignatureSigner } from './CosignatureSigner.ts'
import { cosignatureAlgorithmOf } from './cosignatureAlgorithmOf.ts'
import { createCosignatureSigner } from './createCosignatureSigner.ts'

/** Parameters of {@link parseCosignatureSignerKey} beyond the key. */
export type ParseCosignatureSignerKeyOptions = {
  /** Clock for `sign`, in POSIX seconds; defaults to the system clock. */
  now?: () => number
}

/**
 * Parses a cosigner signer key from {@link generateWitnessKey}
 * (`PRIVATE+KEY+<name>+<hex id>+<base64(0x04 or 0x06 || 32-byte seed)>`). The key ID must match the derived
 * public key. Throws {@link InvalidInputError}.
 *
 * @example
 * const cosigner = parseCosignatureSignerKey(witnessSignerKey)
 */
export function parseCosignatureSignerKey(
  signerKey: string,
  { now }: ParseCosignatureSignerKeyOptions = {},
): CosignatureSigner {
  const { name, keyId, signatureType, privateKey } = splitSignerKey(signerKey)
  const algorithm = cosignatureAlgorithmOf(signatureType)
  if (algorithm === undefined)
    throw new InvalidInputError('not a cosigner key', {
      details: `type 0x${signatureType.toString(16).padStart(2, '0')}; cosigner keys are 0x04 or 0x06`,
    })
  if (privateKey.length !== 32)
    throw new InvalidInputError('malformed signer key', { details: 'seed is not 32 bytes' })
  const signer = createCosignatureSigner({ name, algorithm, seed: privateKey, ...(now ? { now } : {}) })
  if (signer.keyId !== keyId)
    throw new InvalidInputError('signer key ID does not match the key', { details: name })
  return signer
}
