import { sha256 } from '@noble/hashes/sha2.js'
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js'

/** Parameters of {@link computeKeyId}. */
export type ComputeKeyIdParameters = {
  /** Key name. */
  name: string
  /** Signature type byte: 0x01 Ed25519, 0x04 Ed25519 cosignature, 0x06 ML-DSA-44 cosignature. */
  signatureType: number
  /** Public key encoding for that signature type. */
  publicKey: Uint8Array
}

/**
 * Key ID of c2sp.org/signed-note: the first four bytes, big-endian, of
 * SHA-256(name || 0x0A || signature type || public key).
 *
 * @example
 * computeKeyId({ name: 'PeterNeumann', signatureType: 0x01, publicKey }) // 0xc74f20a3
 */
export function computeKeyId({ name, signatureType, publicKey }: ComputeKeyIdParameters): number {
  const digest = sha256(concatBytes(utf8ToBytes(name), new Uint8Array([0x0a, signatureType]), publicKey))
  return new DataView(digest.buffer, digest.byteOffset, 4).getUint32(0)
}
