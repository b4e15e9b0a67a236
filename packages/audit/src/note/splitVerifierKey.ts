import { decodeBase64 } from '../encoding/decodeBase64.ts'
import { InvalidInputError } from '../errors/AuditError.ts'
import { computeKeyId } from './computeKeyId.ts'
import { isValidKeyName } from './isValidKeyName.ts'

/** Return type of {@link splitVerifierKey}. */
export type SplitVerifierKeyReturnType = {
  name: string
  keyId: number
  /** The type byte that starts the key material. */
  signatureType: number
  /** The key material after the type byte. */
  publicKey: Uint8Array
}

const KEY_ID = /^[0-9a-fA-F]{8}$/

/**
 * Splits a verifier key string `<name>+<8 hex key ID>+<base64(type || public key)>` into its fields, checking
 * the name, the encodings and that the key ID is the one the name, type and key hash to. The caller checks the
 * type and the key length. Throws {@link InvalidInputError}.
 *
 * @example
 * const { name, keyId, signatureType, publicKey } = splitVerifierKey('PeterNeumann+c74f20a3+ARpc…')
 */
export function splitVerifierKey(verifierKey: string): SplitVerifierKeyReturnType {
  const first = verifierKey.indexOf('+')
  const second = verifierKey.indexOf('+', first + 1)
  const name = verifierKey.slice(0, first)
  const keyIdHex = verifierKey.slice(first + 1, second)
  const material = decodeBase64(verifierKey.slice(second + 1))
  if (first < 0 || second < 0 || !isValidKeyName(name) || !KEY_ID.test(keyIdHex) || !material?.length)
    throw new InvalidInputError('malformed verifier key', { details: 'expected <name>+<8 hex>+<base64 key>' })
  const signatureType = material[0]!
  const publicKey = material.subarray(1)
  const keyId = Number.parseInt(keyIdHex, 16)
  if (keyId !== computeKeyId({ name, signatureType, publicKey }))
    throw new InvalidInputError('verifier key ID does not match the key', { details: `${name}+${keyIdHex}` })
  return { name, keyId, signatureType, publicKey }
}
