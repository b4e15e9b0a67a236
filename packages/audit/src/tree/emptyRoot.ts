import { sha256 } from './sha256.ts'

/**
 * Root hash of the empty tree (RFC 6962 §2.1: the hash of the empty string).
 *
 * @example
 * emptyRoot() // e3b0c442…b855
 */
export function emptyRoot(): Uint8Array {
  return sha256(new Uint8Array(0))
}
