/**
 * A plain Uint8Array view of a driver's Buffer (no copy), so that every backend returns the same type.
 *
 * @example
 * const data = toBytes(row.data)
 */
export function toBytes(buffer: Uint8Array): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}
