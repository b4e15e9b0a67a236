import { xchacha20poly1305 } from '@noble/ciphers/chacha.js'
import { decodeUtf8 } from '../encoding/decodeUtf8.ts'
import { DisclosureError } from '../errors/AuditError.ts'
import { secretFormat } from './secretFormat.ts'

/** Parameters of {@link decryptDisclosures}. */
export type DecryptDisclosuresParameters = { entry: Uint8Array; secret: Uint8Array }

/**
 * Opens an AI event's secret (layout in {@link secretFormat}) and returns the disclosures it holds, not yet
 * checked against the entry's digests. Throws DisclosureError on a truncated secret, an unknown version, or a
 * secret that does not authenticate for this entry (another entry's secret, or altered bytes).
 *
 * @example
 * const disclosures = decryptDisclosures({ entry, secret })
 */
export function decryptDisclosures({ entry, secret }: DecryptDisclosuresParameters): string[] {
  if (secret.length < secretFormat.headerLength + secretFormat.tagLength) {
    throw new DisclosureError('malformed secret', { details: `${secret.length} bytes is too short` })
  }
  if (secret[0] !== secretFormat.version) {
    throw new DisclosureError('malformed secret', { details: `unsupported version ${secret[0]}` })
  }
  const key = secret.subarray(1, 1 + secretFormat.keyLength)
  const nonce = secret.subarray(1 + secretFormat.keyLength, secretFormat.headerLength)
  let plaintext: Uint8Array
  try {
    plaintext = xchacha20poly1305(key, nonce, secretFormat.aad(entry)).decrypt(
      secret.subarray(secretFormat.headerLength),
    )
  } catch (cause) {
    throw new DisclosureError('secret does not open for this entry', { cause })
  }
  const text = decodeUtf8(plaintext)
  let disclosures: unknown
  try {
    disclosures = text === undefined ? undefined : JSON.parse(text)
  } catch {}
  if (!Array.isArray(disclosures) || !disclosures.every((d) => typeof d === 'string')) {
    throw new DisclosureError('malformed secret', { details: 'payload is not a JSON array of disclosures' })
  }
  return disclosures
}
