import { xchacha20poly1305 } from '@noble/ciphers/chacha.js'
import { InvalidInputError } from '../errors/AuditError.ts'
import { canonicalJson } from '../json/canonicalJson.ts'
import { secretFormat } from './secretFormat.ts'

/** Parameters of {@link encryptDisclosures}: the entry they belong to, and a fresh key and nonce. */
export type EncryptDisclosuresParameters = {
  entry: Uint8Array
  disclosures: ReadonlyArray<string>
  key: Uint8Array
  nonce: Uint8Array
}

const encoder = new TextEncoder()

/**
 * Builds an AI event's secret: the disclosures encrypted under a per-entry key with XChaCha20-Poly1305, bound to
 * `entry` (layout in {@link secretFormat}). Throws InvalidInputError on a key or nonce of the wrong length.
 *
 * @example
 * const secret = encryptDisclosures({ entry, disclosures, key: randomBytes(32), nonce: randomBytes(24) })
 */
export function encryptDisclosures({
  entry,
  disclosures,
  key,
  nonce,
}: EncryptDisclosuresParameters): Uint8Array {
  if (key.length !== secretFormat.keyLength || nonce.length !== secretFormat.nonceLength) {
    throw new InvalidInputError('invalid secret key or nonce', {
      details: `key ${key.length} bytes, nonce ${nonce.length} bytes`,
    })
  }
  const plaintext = encoder.encode(canonicalJson([...disclosures]))
  const ciphertext = xchacha20poly1305(key, nonce, secretFormat.aad(entry)).encrypt(plaintext)
  const secret = new Uint8Array(secretFormat.headerLength + ciphertext.length)
  secret[0] = secretFormat.version
  secret.set(key, 1)
  secret.set(nonce, 1 + secretFormat.keyLength)
  secret.set(ciphertext, secretFormat.headerLength)
  return secret
}
