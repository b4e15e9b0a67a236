import { sha256 } from './sha256.ts'

/**
 * RFC 6962 leaf hash: SHA-256(0x00 || data).
 *
 * @example
 * const leaf = hashLeaf(new TextEncoder().encode('hello'))
 */
export function hashLeaf(data: Uint8Array): Uint8Array {
  const input = new Uint8Array(data.length + 1)
  input.set(data, 1)
  return sha256(input)
}
