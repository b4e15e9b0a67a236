const encoder = new TextEncoder()
const LONE_SURROGATE = /\p{Surrogate}/u

/**
 * UTF-8 bytes of `text`, or `undefined` when the string holds a lone UTF-16 surrogate, which has no UTF-8 form
 * (a plain `TextEncoder` would silently turn it into U+FFFD and change the signed bytes).
 *
 * @example
 * encodeUtf8('—') // Uint8Array [0xe2, 0x80, 0x94]
 * encodeUtf8('\ud800') // undefined
 */
export function encodeUtf8(text: string): Uint8Array | undefined {
  return LONE_SURROGATE.test(text) ? undefined : encoder.encode(text)
}
