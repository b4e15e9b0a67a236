import { InvalidInputError } from '../errors/AuditError.ts'
import type { JsonValue } from './JsonValue.ts'

/**
 * RFC 8785 JSON Canonicalization Scheme: no whitespace, object members sorted by the UTF-16 code units of
 * their names, numbers in ECMAScript shortest round-trip form, strings escaped as ECMAScript `JSON.stringify`
 * does. Equal values give equal text whatever the member insertion order. Expects a value checked by
 * {@link toJsonValue} (no lone surrogates); throws InvalidInputError on a non-finite number.
 *
 * @example
 * canonicalJson({ b: [1e30, 4.5], a: 'x' }) // '{"a":"x","b":[1e+30,4.5]}'
 */
export function canonicalJson(value: JsonValue): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new InvalidInputError('number is not finite', { details: String(value) })
    return JSON.stringify(value)
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const members = Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`)
  return `{${members.join(',')}}`
}
