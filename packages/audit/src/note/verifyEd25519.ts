import { ed25519 } from '@noble/curves/ed25519.js'

/** Parameters of {@link verifyEd25519}. */
export type VerifyEd25519Parameters = {
  /** 32-byte Ed25519 public key. */
  publicKey: Uint8Array
  message: Uint8Array
  /** 64-byte signature. */
  signature: Uint8Array
}

/**
 * Ed25519 verification with RFC 8032 strictness (no ZIP-215 leniency, like Go's crypto/ed25519, which signed
 * notes come from); wrong lengths or invalid points give `false`, never an exception.
 *
 * @example
 * verifyEd25519({ publicKey, message, signature }) // true
 */
export function verifyEd25519({ publicKey, message, signature }: VerifyEd25519Parameters): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false })
  } catch {
    return false
  }
}
