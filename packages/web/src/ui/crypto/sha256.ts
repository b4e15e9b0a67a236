import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js'

/**
 * The browser's SHA-256 for the audit package's tree code: the dashboard bundle aliases
 * `@sextant/audit/tree/sha256.ts` (node:crypto) to this @noble/hashes implementation, so inclusion proofs and
 * checkpoints are verified in the page with the same code the server and the CLI use.
 *
 * @example
 * sha256(new Uint8Array(0)) // e3b0c442…b855
 */
export function sha256(input: Uint8Array): Uint8Array {
  return nobleSha256(input)
}
