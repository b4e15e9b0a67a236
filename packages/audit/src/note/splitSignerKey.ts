import { decodeBase64 } from '../encoding/decodeBase64.ts'
import { InvalidInputError } from '../errors/AuditError.ts'
import { isValidKeyName } from './isValidKeyName.ts'

/** Return type of {@link splitSignerKey}. */
export type SplitSignerKeyReturnType = {
  name: string
  /** The key ID the string claims; the caller checks it against the derived public key. */
  keyId: number
  /** The type byte that starts the key material. */
  signatureType: number
  /** The private key material after the type byte. */
  privateKey: Uint8Array
}

const PREFIX = 'PRIVATE+KEY+'
const KEY_ID = /^[0-9a-fA-F]{8}$/

/**
 * Splits a signer key string `PRIVATE+KEY+<name>+<8 hex key ID>+<base64(type || private key)>` into its fields.
 * The key ID can only be checked once the caller derives the public key. Throws {@link InvalidInputError}
 * (whose message never includes the key material).
 *
 * @example
 * const { name, keyId, signatureType, privateKey } = splitSignerKey('PRIVATE+KEY+PeterNeumann+c74f20a3+AYEK…')
 */
export function splitSignerKey(signerKey: string): SplitSignerKeyReturnType {
  const rest = signerKey.startsWith(PREFIX) ? signerKey.slice(PREFIX.length) : ''
  const first = rest.indexOf('+')
  const second = rest.indexOf('+', first + 1)
  const name = rest.slice(0, first)
  const keyIdHex = rest.slice(first + 1, second)
  const material = decodeBase64(rest.slice(second + 1))
  if (first < 0 || second < 0 || !isValidKeyName(name) || !KEY_ID.test(keyIdHex) || !material?.length)
    throw new InvalidInputError('malformed signer key', {
      details: 'expected PRIVATE+KEY+<name>+<8 hex>+<base64 key>',
    })
  return {
    name,
    keyId: Number.parseInt(keyIdHex, 16),
    signatureType: material[0]!,
    privateKey: material.subarray(1),
  }
}
