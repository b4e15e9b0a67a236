import { encodeBase64 } from '../encoding/encodeBase64.ts'
import { InvalidInputError } from '../errors/AuditError.ts'
import { computeKeyId } from './computeKeyId.ts'
import { formatKeyId } from './formatKeyId.ts'
import { isValidKeyName } from './isValidKeyName.ts'

/** Parameters of {@link formatVerifierKey}. */
export type FormatVerifierKeyParameters = {
  /** Key name. */
  name: string
  /** Signature type byte (0x01, 0x04, 0x06). */
  signatureType: number
  /** Public key encoding for that type. */
  publicKey: Uint8Array
}

/**
 * Verifier key string (golang.org/x/mod/sumdb/note, c2sp.org/signed-note "vkey"):
 * `<name>+<8 hex key ID>+<base64(type || public key)>`.
 *
 * @example
 * formatVerifierKey({ name: 'PeterNeumann', signatureType: 0x01, publicKey })
 * // 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'
 */
export function formatVerifierKey({ name, signatureType, publicKey }: FormatVerifierKeyParameters): string {
  if (!isValidKeyName(name))
    throw new InvalidInputError('invalid key name', { details: JSON.stringify(name) })
  const keyId = computeKeyId({ name, signatureType, publicKey })
  const material = new Uint8Array([signatureType, ...publicKey])
  return `${name}+${formatKeyId(keyId)}+${encodeBase64(material)}`
}
