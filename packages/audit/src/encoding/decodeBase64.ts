import { encodeBase64 } from './encodeBase64.ts'

const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/**
 * Strictly decodes standard, padded base64 (RFC 4648 §4): anything else — URL-safe characters, missing padding,
 * whitespace, or non-zero padding bits (a second spelling of the same bytes) — gives `undefined`, so each caller
 * can raise the error of its own domain.
 *
 * @example
 * decodeBase64('AQID') // Uint8Array [1, 2, 3]
 * decodeBase64('AQI') // undefined
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (!STD_BASE64.test(text)) return undefined
  const bytes = new Uint8Array(Buffer.from(text, 'base64'))
  return encodeBase64(bytes) === text ? bytes : undefined
}
