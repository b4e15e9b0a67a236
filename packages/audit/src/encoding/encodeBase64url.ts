/**
 * Unpadded base64url (RFC 4648 §5) of `bytes`, the encoding of SD-JWT salts, disclosures and digests.
 *
 * @example
 * encodeBase64url(new Uint8Array([0xfb, 0xff])) // '-_8'
 */
export function encodeBase64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url')
}
