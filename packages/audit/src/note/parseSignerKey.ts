import { ed25519 } from '@noble/curves/ed25519.js'
import { InvalidInputError } from '../errors/AuditError.ts'
import { computeKeyId } from './computeKeyId.ts'
import type { NoteSigner } from './NoteSigner.ts'
import { splitSignerKey } from './splitSignerKey.ts'

/**
 * Parses an Ed25519 (type 0x01) signer key `PRIVATE+KEY+<name>+<hex id>+<base64(0x01 || 32-byte seed)>`, the
 * golang.org/x/mod/sumdb/note format, into a {@link NoteSigner}. The key ID must match the derived public key.
 * Throws {@link InvalidInputError}.
 *
 * @example
 * const signer = parseSignerKey('PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz')
 * signNote({ text: 'hello\n', signers: [signer] })
 */
export function parseSignerKey(signerKey: string): NoteSigner {
  const { name, keyId, signatureType, privateKey } = splitSignerKey(signerKey)
  if (signatureType !== 0x01)
    throw new InvalidInputError('unsupported signer key type', {
      details: `type 0x${signatureType.toString(16).padStart(2, '0')}; cosigner keys go to parseCosignatureSignerKey`,
    })
  if (privateKey.length !== 32)
    throw new InvalidInputError('malformed signer key', { details: 'seed is not 32 bytes' })
  const seed = privateKey.slice()
  const publicKey = ed25519.getPublicKey(seed)
  if (computeKeyId({ name, signatureType, publicKey }) !== keyId)
    throw new InvalidInputError('signer key ID does not match the key', { details: name })
  return { name, keyId, sign: (text) => ed25519.sign(text, seed) }
}
