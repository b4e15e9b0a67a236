import type { CosignatureAlgorithm } from './CosignatureAlgorithm.ts'

/**
 * The cosignature algorithm of a signed-note signature type byte (0x04 Ed25519, 0x06 ML-DSA-44), or
 * `undefined` for any other type. The inverse of {@link cosignatureSignatureType}.
 *
 * @example
 * cosignatureAlgorithmOf(0x06) // 'ml-dsa-44'
 */
export function cosignatureAlgorithmOf(signatureType: number): CosignatureAlgorithm | undefined {
  return signatureType === 0x04 ? 'ed25519' : signatureType === 0x06 ? 'ml-dsa-44' : undefined
}
