import { ml_dsa44 } from '@noble/post-quantum/ml-dsa.js'
import { decodeUtf8 } from '../encoding/decodeUtf8.ts'
import { InvalidInputError } from '../errors/AuditError.ts'
import { computeKeyId } from '../note/computeKeyId.ts'
import { formatVerifierKey } from '../note/formatVerifierKey.ts'
import { verifyEd25519 } from '../note/verifyEd25519.ts'
import type { CosignatureAlgorithm } from './CosignatureAlgorithm.ts'
import type { CosignatureVerifier } from './CosignatureVerifier.ts'
import { cosignatureSignatureType } from './cosignatureSignatureType.ts'
import { cosignedMessage } from './cosignedMessage.ts'

/** Parameters of {@link createCosignatureVerifier}. */
export type CreateCosignatureVerifierParameters = {
  /** Cosigner key name, e.g. `witness.example/w1`. */
  name: string
  algorithm: CosignatureAlgorithm
  /** 32-byte Ed25519 or 1312-byte ML-DSA-44 public key. */
  publicKey: Uint8Array
}

const SIGNATURE_BYTES = { ed25519: 64, 'ml-dsa-44': 2420 } as const
const PUBLIC_KEY_BYTES = { ed25519: 32, 'ml-dsa-44': 1312 } as const

/**
 * A {@link CosignatureVerifier} for a cosigner's public key. Its `verify` checks the `timestamped_signature`
 * (8-byte timestamp, at most 2^53 - 1 here, then the signature: Ed25519 per RFC 8032, ML-DSA-44 per FIPS 204 with
 * an empty context) over the {@link cosignedMessage} of the note text. Throws {@link InvalidInputError} for a
 * bad name or key length.
 *
 * @example
 * const witness = createCosignatureVerifier({ name: 'witness.example/w1', algorithm: 'ed25519', publicKey })
 */
export function createCosignatureVerifier({
  name,
  algorithm,
  publicKey,
}: CreateCosignatureVerifierParameters): CosignatureVerifier {
  if (publicKey.length !== PUBLIC_KEY_BYTES[algorithm])
    throw new InvalidInputError('malformed cosigner public key', {
      details: `${algorithm} keys are ${PUBLIC_KEY_BYTES[algorithm]} bytes, got ${publicKey.length}`,
    })
  const key = publicKey.slice()
  const signatureType = cosignatureSignatureType(algorithm)
  const verifierKey = formatVerifierKey({ name, signatureType, publicKey: key })
  const verify = (text: Uint8Array, signature: Uint8Array): boolean => {
    if (signature.length !== 8 + SIGNATURE_BYTES[algorithm]) return false
    const timestamp = new DataView(signature.buffer, signature.byteOffset, 8).getBigUint64(0)
    const textString = decodeUtf8(text)
    if (timestamp > BigInt(Number.MAX_SAFE_INTEGER) || textString === undefined) return false
    let message: Uint8Array
    try {
      message = cosignedMessage({ algorithm, name, timestamp: Number(timestamp), text: textString })
    } catch {
      return false
    }
    const raw = signature.subarray(8)
    if (algorithm === 'ed25519') return verifyEd25519({ publicKey: key, message, signature: raw })
    try {
      return ml_dsa44.verify(raw, message, key)
    } catch {
      return false
    }
  }
  return {
    name,
    keyId: computeKeyId({ name, signatureType, publicKey: key }),
    algorithm,
    publicKey: key,
    verifierKey,
    verify,
  }
}
