/**
 * Whether `value` is a plain object (not `null`, not an array): safe to read fields from.
 *
 * @example
 * isRecord({ a: 1 }) // true
 * isRecord([1])      // false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
