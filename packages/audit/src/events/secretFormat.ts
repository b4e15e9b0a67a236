import { sha256 } from '@noble/hashes/sha2.js'

/**
 * Layout of an AI event's secret (version 1):
 * `0x01 ‖ key (32) ‖ nonce (24) ‖ XChaCha20-Poly1305(key, nonce, aad, plaintext) (plaintext length + 16)`,
 * where `plaintext` is the UTF-8 canonical JSON array of the entry's disclosures and `aad` is
 * `0x01 ‖ SHA-256(entry)`, so a secret opens only for its own entry.
 *
 * @example
 * const aad = secretFormat.aad(entry)
 */
export const secretFormat = {
  version: 1,
  keyLength: 32,
  nonceLength: 24,
  tagLength: 16,
  headerLength: 1 + 32 + 24,
  aad(entry: Uint8Array): Uint8Array {
    const aad = new Uint8Array(33)
    aad[0] = 1
    aad.set(sha256(entry), 1)
    return aad
  },
} as const
