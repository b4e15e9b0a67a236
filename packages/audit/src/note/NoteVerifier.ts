/**
 * Verifies note signatures made by one key, identified by its name and key ID. {@link openNote} looks verifiers
 * up by that pair and ignores signatures that match none.
 *
 * @example
 * const verifier: NoteVerifier = parseVerifierKey('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')
 * verifier.verify(textBytes, signatureBytes) // boolean
 */
export type NoteVerifier = {
  /** Key name, as it appears in signature lines. */
  readonly name: string
  /** The 32-bit key ID (unsigned). */
  readonly keyId: number
  /** Whether `signature` (the bytes after the key ID) is a valid signature of the note text `text`. Never throws. */
  verify(text: Uint8Array, signature: Uint8Array): boolean
}
