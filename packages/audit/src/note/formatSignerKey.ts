import { encodeBase64 } from '../encoding/encodeBase64.ts'
import { InvalidInputError } from '../errors/AuditError.ts'
import { computeKeyId } from './computeKeyId.ts'
import { formatKeyId } from './formatKeyId.ts'
import { isValidKeyName } from './isValidKeyName.ts'

/** Parameters of {@link formatSignerKey}. */
export type FormatSignerKeyParameters = {
  /** Key name. */
  name: string
  /** Signature type byte (0x01, 0x04, 0x06). */
  signatureType: number
  /** Public key, which the key ID commits to. */
  publicKey: Uint8Array
  /** Private key material (a 32-byte seed for every type this package supports). */
  privateKey: Uint8Array
}

/**
 * Signer key string in the golang.org/x/mod/sumdb/note format:
 * `PRIVATE+KEY+<name>+<8 hex key ID>+<base64(type || private key)>`. Keep it secret.
 *
 * @example
 * formatSignerKey({ name: 'example.com/log', signatureType: 0x01, publicKey, privateKey: seed })
 * // 'PRIVATE+KEY+example.com/log+1a2b3c4d+A…'
 */
export function formatSignerKey({
  name,
  signatureType,
  publicKey,
  privateKey,
}: FormatSignerKeyParameters): string {
  if (!isValidKeyName(name))
    throw new InvalidInputError('invalid key name', { details: JSON.stringify(name) })
  const keyId = computeKeyId({ name, signatureType, publicKey })
  const material = new Uint8Array([signatureType, ...privateKey])
  return `PRIVATE+KEY+${name}+${formatKeyId(keyId)}+${encodeBase64(material)}`
}
