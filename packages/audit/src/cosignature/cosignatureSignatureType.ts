import type { CosignatureAlgorithm } from './CosignatureAlgorithm.ts'

/**
 * The signed-note signature type byte of a cosignature algorithm, assigned by c2sp.org/tlog-cosignature:
 * 0x04 for Ed25519, 0x06 for ML-DSA-44. It enters the key ID and starts the key material of key strings.
 *
 * @example
 * cosignatureSignatureType('ml-dsa-44') // 0x06
 */
export function cosignatureSignatureType(algorithm: CosignatureAlgorithm): number {
  return algorithm === 'ed25519' ? 0x04 : 0x06
}
