import { sha256 } from './sha256.ts'

/**
 * RFC 6962 interior node hash: SHA-256(0x01 || left || right).
 *
 * @example
 * const node = hashChildren(hashLeaf(a), hashLeaf(b))
 */
export function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + left.length + right.length)
  input[0] = 1
  input.set(left, 1)
  input.set(right, 1 + left.length)
  return sha256(input)
}
