/**
 * A key ID as the 8 lowercase hex digits used in key strings and error messages.
 *
 * @example
 * formatKeyId(0xc74f20a3) // 'c74f20a3'
 */
export function formatKeyId(keyId: number): string {
  return keyId.toString(16).padStart(8, '0')
}
