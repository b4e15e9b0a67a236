import { ed25519 } from '@noble/curves/ed25519.js'
import { randomBytes } from '@noble/hashes/utils.js'
import { InvalidInputError } from '../errors/AuditError.ts'
import { formatSignerKey } from './formatSignerKey.ts'
import { formatVerifierKey } from './formatVerifierKey.ts'

/** Parameters of {@link generateSignerKey}. */
export type GenerateSignerKeyParameters = {
  /** Key name; for a log, its checkpoint origin (e.g. `example.com/log`). */
  name: string
  /** 32-byte Ed25519 seed; random when omitted. Pass one only for reproducible tests. */
  seed?: Uint8Array
}

/** Return type of {@link generateSignerKey}. */
export type GenerateSignerKeyReturnType = {
  /** `PRIVATE+KEY+<name>+<hex id>+<base64(0x01 || seed)>`, secret. */
  signerKey: string
  /** `<name>+<hex id>+<base64(0x01 || public key)>`, to hand to verifiers. */
  verifierKey: string
}

/**
 * Generates an Ed25519 (signature type 0x01) signed-note key pair, encoded like golang.org/x/mod/sumdb/note's
 * `GenerateKey`.
 *
 * @example
 * const { signerKey, verifierKey } = generateSignerKey({ name: 'example.com/log' })
 */
export function generateSignerKey({ name, seed }: GenerateSignerKeyParameters): GenerateSignerKeyReturnType {
  if (seed !== undefined && seed.length !== 32)
    throw new InvalidInputError('Ed25519 seed must be 32 bytes', { details: `got ${seed.length}` })
  const privateKey = seed ?? randomBytes(32)
  const publicKey = ed25519.getPublicKey(privateKey)
  return {
    signerKey: formatSignerKey({ name, signatureType: 0x01, publicKey, privateKey }),
    verifierKey: formatVerifierKey({ name, signatureType: 0x01, publicKey }),
  }
}
