/**
 * One signature line of a c2sp.org/signed-note: `— <name> base64(keyId || signature)`.
 *
 * @example
 * const signature: NoteSignature = { name: 'example.com/log', keyId: 0xc74f20a3, signature: new Uint8Array(64) }
 */
export type NoteSignature = {
  /** Key name: non-empty, no Unicode spaces, no `+`. */
  name: string
  /** The 32-bit key ID (unsigned), normally the first four bytes of SHA-256(name || 0x0A || type || public key). */
  keyId: number
  /** The signature bytes that follow the key ID (for Ed25519, the 64-byte signature). */
  signature: Uint8Array
}
