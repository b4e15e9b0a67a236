import { encodeBase64url } from './encodeBase64url.ts'

const BASE64URL = /^[A-Za-z0-9_-]*$/

/**
 * Strictly decodes unpadded base64url (RFC 4648 §5): padding, standard-base64 characters, whitespace, an
 * impossible length or non-zero trailing bits (a second spelling of the same bytes) give `undefined`, so each
 * caller can raise the error of its own domain.
 *
 * @example
 * decodeBase64url('-_8') // Uint8Array [0xfb, 0xff]
 * decodeBase64url('-_9') // undefined
 */
export function decodeBase64url(text: string): Uint8Array | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined
  const bytes = new Uint8Array(Buffer.from(text, 'base64url'))
  return encodeBase64url(bytes) === text ? bytes : undefined
}
