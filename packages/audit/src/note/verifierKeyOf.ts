import { ed25519 } from '@noble/curves/ed25519.js'
import { formatVerifierKey } from './formatVerifierKey.ts'
import { parseSignerKey } from './parseSignerKey.ts'
import { splitSignerKey } from './splitSignerKey.ts'

/**
 * The C2SP verifier key (`<name>+<id>+<base64>`) that belongs to an Ed25519 signer key. Validates the signer key.
 *
 * @example
 * const verifierKey = verifierKeyOf(signerKey) // publish this; keep signerKey secret
 */
export function verifierKeyOf(signerKey: string): string {
  parseSignerKey(signerKey)
  const { name, signatureType, privateKey } = splitSignerKey(signerKey)
  return formatVerifierKey({ name, signatureType, publicKey: ed25519.getPublicKey(privateKey) })
}
