const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Decodes strict UTF-8 (a byte-order mark is kept as text); invalid UTF-8 gives `undefined`.
 *
 * @example
 * decodeUtf8(new Uint8Array([0xe2, 0x80, 0x94])) // '—'
 * decodeUtf8(new Uint8Array([0xff])) // undefined
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes)
  } catch {
    return undefined
  }
}
