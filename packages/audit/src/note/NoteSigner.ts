/**
 * Signs note texts with one key. {@link signNote} prefixes each signature with the signer's key ID.
 *
 * @example
 * const signer: NoteSigner = parseSignerKey(signerKey)
 * const signature = signer.sign(new TextEncoder().encode('hello\n'))
 */
export type NoteSigner = {
  /** Key name, as it will appear in the signature line. */
  readonly name: string
  /** The 32-bit key ID (unsigned). */
  readonly keyId: number
  /** Signs the UTF-8 note text (ending in a newline) and returns the bytes that follow the key ID. */
  sign(text: Uint8Array): Uint8Array
}
